namespace RenfieldSip.Monitor.Lifecycle;

/// <summary>The AMI session ended while the call rang: its Hangup will never be seen, so this is its end.</summary>
/// <param name="CallId">The call.</param>
/// <param name="AnnouncementPending">Whether the call was handed to the announcer.</param>
internal sealed record CallLost(string CallId, bool AnnouncementPending) : CallEvent(CallId);
