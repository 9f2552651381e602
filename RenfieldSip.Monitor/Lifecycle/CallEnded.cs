namespace RenfieldSip.Monitor.Lifecycle;

/// <summary>The call's Hangup was seen.</summary>
/// <param name="CallId">The call.</param>
/// <param name="EndedAt">When the Hangup was seen.</param>
/// <param name="Cause">Hangup <c>Cause</c> (Q.850), as Asterisk sent it.</param>
/// <param name="CauseText">Hangup <c>Cause-txt</c>, as Asterisk sent it.</param>
/// <param name="TechCause">Hangup <c>TechCause</c> (the SIP status).</param>
/// <param name="AnnouncementPending">Whether the call was handed to the announcer: its <see cref="CallAnnounced"/> or <see cref="CallDropped"/> is still to come, or came already.</param>
internal sealed record CallEnded(string CallId, DateTimeOffset EndedAt, string? Cause, string? CauseText, string? TechCause, bool AnnouncementPending)
    : CallEvent(CallId);
