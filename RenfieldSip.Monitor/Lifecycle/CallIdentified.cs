using RenfieldSip.Monitor.Identity;

namespace RenfieldSip.Monitor.Lifecycle;

/// <summary>The announcer knows who is announced (a withheld caller carries no number).</summary>
internal sealed record CallIdentified(string CallId, CallerIdentity Caller) : CallEvent(CallId);
