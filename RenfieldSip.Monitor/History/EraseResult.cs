using System.Text.Json.Serialization;

namespace RenfieldSip.Monitor.History;

/// <summary>The answer of <c>DELETE /api/calls?number=</c>: how many stored calls were removed.</summary>
internal sealed record EraseResult([property: JsonPropertyName("erased")] int Erased);
