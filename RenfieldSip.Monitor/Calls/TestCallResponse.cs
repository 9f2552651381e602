namespace RenfieldSip.Monitor.Calls;

internal sealed record TestCallResponse(string CallId, string Outcome);
