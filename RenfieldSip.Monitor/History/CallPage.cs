using System.Text.Json.Serialization;

namespace RenfieldSip.Monitor.History;

/// <summary>The answer of <c>GET /api/calls</c>: the calls, newest first, and the cursor for the next (older) page, null on the last.</summary>
internal sealed record CallPage(
    [property: JsonPropertyName("calls")] IReadOnlyList<CallRecord> Calls,
    [property: JsonPropertyName("next_before")] string? NextBefore);
