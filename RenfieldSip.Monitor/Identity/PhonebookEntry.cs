using System.Text.Json.Serialization;

namespace RenfieldSip.Monitor.Identity;

/// <summary>One person as a look-up answers it: the name, every number of it (formatted for people) and the source that holds it.</summary>
internal sealed record PhonebookEntry(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("numbers")] IReadOnlyList<string> Numbers,
    [property: JsonPropertyName("source")] string Source);
