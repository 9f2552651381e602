namespace RenfieldSip.Monitor.History;

/// <summary>The 400 answer of <c>GET /api/calls</c>: which parameter, and what a valid one looks like.</summary>
internal sealed record CallHistoryError(string Error, string Parameter, string Message);
