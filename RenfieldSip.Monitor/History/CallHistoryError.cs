using System.Text.Json.Serialization;

namespace RenfieldSip.Monitor.History;

/// <summary>The 400 answer of <c>GET /api/calls</c>: which parameter, and what a valid one looks like.</summary>
internal sealed record CallHistoryError(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("parameter")] string Parameter,
    [property: JsonPropertyName("message")] string Message);
