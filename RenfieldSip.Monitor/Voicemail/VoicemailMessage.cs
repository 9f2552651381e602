namespace RenfieldSip.Monitor.Voicemail;

/// <summary>A kept message: which call, which file, how long, what was said, whether it was heard and announced.</summary>
internal sealed record VoicemailMessage(
    string CallId,
    string File,
    TimeSpan Length,
    DateTimeOffset ReceivedAt,
    string? Transcript = null,
    bool Heard = false,
    string? Announcement = null);
