using RenfieldSip.Monitor.History;

namespace RenfieldSip.Monitor.Voicemail;

/// <summary>
/// A kept message: which call, which file, how long, what was said, whether it was heard and announced, and the
/// caller as the call was announced (filled in once the call's record is written; a withheld caller has no number).
/// </summary>
internal sealed record VoicemailMessage(
    string CallId,
    string File,
    TimeSpan Length,
    DateTimeOffset ReceivedAt,
    string? Transcript = null,
    bool Heard = false,
    VoicemailAnnouncement? Announcement = null,
    string? CallerName = null,
    string? CallerNumber = null,
    bool Withheld = false);
