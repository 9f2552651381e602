using RenfieldSip.Monitor.Calls;
using RenfieldSip.Monitor.Configuration;

namespace RenfieldSip.Monitor.Voicemail;

/// <summary>The answering machine's messages as the monitor reads, keeps and announces them (section <c>Voicemail</c>).</summary>
internal sealed class VoicemailOptions
{
    public const string SectionName = "Voicemail";

    /// <summary>
    /// Where Asterisk's recordings are mounted for the monitor (read-only is enough to play and announce them).
    /// Empty: messages are not picked up; announcing calls works as before.
    /// </summary>
    [AbsoluteDirectory(ErrorMessage = "Voicemail:Directory must be an absolute path (the mount of Asterisk's VOICEMAIL_DIR), or empty to ignore messages")]
    public string? Directory { get; set; }

    /// <summary>Messages older than this are forgotten (and their file deleted where the mount allows it).</summary>
    [PositiveTimeSpan("3650.00:00:00", ErrorMessage = "Voicemail:MaxAge must be positive and at most 3650.00:00:00 (default 30.00:00:00)")]
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(30);

    /// <summary>At most this many messages are kept; the oldest go first.</summary>
    [IntRange(1, 100_000, ErrorMessage = "Voicemail:MaxMessages must be between 1 and 100000 (default 200)")]
    public int MaxMessages { get; set; } = 200;

    /// <summary>Send each message to Renfield's speech-to-text (<c>POST /api/voice/stt</c>) and announce what was said.</summary>
    public bool Transcribe { get; set; }

    /// <summary>How long a transcription may take before the message is announced without text.</summary>
    [PositiveTimeSpan("00:05:00", ErrorMessage = "Voicemail:TranscribeTimeout must be positive and at most 00:05:00 (default 00:00:20)")]
    public TimeSpan TranscribeTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The <c>UserEvent</c> with which the dialplan reports a finished message.</summary>
    [UserEventName(ErrorMessage = "Voicemail:Event must be a UserEvent name without ':' or line breaks (default: RenfieldVoicemail).")]
    public string Event { get; set; } = "RenfieldVoicemail";

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Directory);
}
