using RenfieldSip.Monitor.Text;

namespace RenfieldSip.Monitor.Voicemail;

/// <summary>The announcement of a message in one language: „Neue Sprachnachricht von Max Mustermann (0:12)".</summary>
internal sealed record VoicemailWording(string NewMessageFrom, string Anonymous, string Unknown, string QuoteOpen, string QuoteClose)
{
    public static VoicemailWording German { get; } = new("Neue Sprachnachricht von ", "einem anonymen Anrufer", "einem unbekannten Anrufer", "„", "“");

    public static VoicemailWording English { get; } = new("New voice message from ", "an anonymous caller", "an unknown caller", "“", "”");

    public static VoicemailWording For(Language language) => language == Language.English ? English : German;
}
