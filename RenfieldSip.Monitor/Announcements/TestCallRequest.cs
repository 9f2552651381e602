namespace RenfieldSip.Monitor.Announcements;

/// <summary>Optional body of <c>POST /api/test-call</c>: a number to look up, a name to show.</summary>
internal sealed record TestCallRequest(string? Number, string? Name);
