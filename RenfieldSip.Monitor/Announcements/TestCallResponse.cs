namespace RenfieldSip.Monitor.Announcements;

internal sealed record TestCallResponse(string CallId, string Outcome);
