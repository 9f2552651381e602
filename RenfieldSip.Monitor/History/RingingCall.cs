namespace RenfieldSip.Monitor.History;

/// <summary>A call this monitor sees ringing right now (not stored: each monitor knows its own).</summary>
internal sealed record RingingCall(string CallId, DateTimeOffset StartedAt, string? Did, string? CallerNumber, string? CallerName, bool Withheld);
