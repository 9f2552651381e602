namespace RenfieldSip.Monitor.History;

/// <summary>The answer of <c>GET /api/calls</c>: the calls, newest first, and the cursor for the next (older) page, null on the last.</summary>
internal sealed record CallPage(IReadOnlyList<CallRecord> Calls, string? NextBefore);
