namespace RenfieldSip.Monitor.Lifecycle;

/// <summary>The announcement queue was full and dropped the call before any worker took it: it is never announced.</summary>
internal sealed record CallDropped(string CallId) : CallEvent(CallId);
