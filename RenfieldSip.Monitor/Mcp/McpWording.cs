using RenfieldSip.Monitor.Text;

namespace RenfieldSip.Monitor.Mcp;

/// <summary>The words of the tools' answers in the monitor's <see cref="Language"/>, the one the announcements and the call list use.</summary>
internal sealed record McpWording(
    string Withheld,
    string Unknown,
    string TestCall,
    string TimeFormat,
    string NoCalls,
    string OneCall,
    string CallCount,
    string MoreCalls,
    string NoCallFrom,
    string LastCallFrom,
    string NotInPhonebook,
    string NumberBelongsTo,
    string NobodyNamed,
    string Source,
    string NoMessages,
    string MessageCount,
    string MarkedHeard,
    string NoSuchMessage)
{
    public static McpWording German { get; } = new(
        Withheld: "anonym",
        Unknown: "unbekannter Anrufer",
        TestCall: "Testanruf",
        TimeFormat: "dd.MM.yyyy HH:mm 'Uhr'",
        NoCalls: "Keine Anrufe.",
        OneCall: "1 Anruf:",
        CallCount: "{0} Anrufe, neueste zuerst:",
        MoreCalls: "Es gibt weitere, ältere Anrufe; frage mit einem kürzeren Zeitraum nach.",
        NoCallFrom: "Kein Anruf von „{0}“ in der Anrufliste.",
        LastCallFrom: "Letzter Anruf von „{0}“:",
        NotInPhonebook: "Die Nummer {0} steht nicht im Telefonbuch.",
        NumberBelongsTo: "Die Nummer {0} gehört zu {1} (Quelle: {2}).",
        NobodyNamed: "Niemand namens „{0}“ im Telefonbuch.",
        Source: "Quelle",
        NoMessages: "Keine Nachrichten auf dem Anrufbeantworter.",
        MessageCount: "{0} Nachrichten, neue zuerst:",
        MarkedHeard: "Nachricht {0} ist als gehört markiert.",
        NoSuchMessage: "Keine Nachricht mit der Kennung {0}.");

    public static McpWording English { get; } = new(
        Withheld: "anonymous",
        Unknown: "unknown caller",
        TestCall: "test call",
        TimeFormat: "yyyy-MM-dd HH:mm",
        NoCalls: "No calls.",
        OneCall: "1 call:",
        CallCount: "{0} calls, newest first:",
        MoreCalls: "There are more, older calls; ask for a shorter span.",
        NoCallFrom: "No call from \"{0}\" in the call list.",
        LastCallFrom: "Last call from \"{0}\":",
        NotInPhonebook: "The number {0} is not in the phonebook.",
        NumberBelongsTo: "The number {0} belongs to {1} (source: {2}).",
        NobodyNamed: "Nobody named \"{0}\" in the phonebook.",
        Source: "source",
        NoMessages: "No messages on the answering machine.",
        MessageCount: "{0} messages, new ones first:",
        MarkedHeard: "Message {0} is marked as heard.",
        NoSuchMessage: "No message with the id {0}.");

    public static McpWording For(Language language) => language == Language.English ? English : German;
}
