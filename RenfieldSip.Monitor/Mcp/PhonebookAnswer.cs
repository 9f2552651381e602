using System.Text.Json.Serialization;
using RenfieldSip.Monitor.Identity;

namespace RenfieldSip.Monitor.Mcp;

/// <summary>The structured answer of <c>lookup_phonebook</c>: every matching person, empty when none.</summary>
internal sealed record PhonebookAnswer([property: JsonPropertyName("matches")] IReadOnlyList<PhonebookEntry> Matches);
