using System.Globalization;
using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.History;
using RenfieldSip.Monitor.Notification;
using RenfieldSip.Monitor.Text;

namespace RenfieldSip.Monitor.Voicemail;

/// <summary>
/// One webhook per message, <c>sip.voicemail</c>: the caller as the call's record shows it was announced (a name
/// the caller sent itself is never spoken, the number is), the length
/// as m:ss in the title (so Renfield's dedup key differs per message), and what was said, when known, in the message.
/// </summary>
internal sealed class VoicemailNotificationComposer(IOptions<WebhookOptions> options)
{
    public const string EventType = "sip.voicemail";

    /// <summary>A TTS announcement of minutes of speech helps nobody; the page has the rest.</summary>
    internal const int MaxTranscriptLength = 500;

    private readonly WebhookOptions _options = options.Value;

    public RenfieldNotification Compose(CallRecord? call, TimeSpan length, string? transcript, bool spoken)
    {
        var words = VoicemailWording.For(_options.Wording);
        var who = call switch
        {
            { Withheld: true } => words.Anonymous,
            { SpokenName: { } name } => name,
            { CallerNumber: { } number } => number,
            _ => words.Unknown,
        };
        var title = $"{words.NewMessageFrom}{who} ({Clock(length)})";
        var text = UntrustedText.Clean(transcript, MaxTranscriptLength);
        var message = text is null ? title : $"{title}: {words.QuoteOpen}{text}{words.QuoteClose}";
        return new RenfieldNotification(
            EventType,
            title,
            message,
            _options.Urgency,
            string.IsNullOrWhiteSpace(_options.Room) ? null : _options.Room.Trim(),
            _options.Tts && spoken,
            new CallNotificationData(call is { Withheld: true } ? null : call?.CallerNumber, call?.SpokenName));
    }

    internal static string Clock(TimeSpan length)
    {
        var seconds = (int)Math.Round(length.TotalSeconds, MidpointRounding.AwayFromZero);
        return string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}:{seconds % 60:00}");
    }
}
