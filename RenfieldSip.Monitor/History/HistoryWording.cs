using RenfieldSip.Monitor.Rules;
using RenfieldSip.Monitor.Text;

namespace RenfieldSip.Monitor.History;

/// <summary>The words for the history's records (the call list, the MCP answers) in the monitor's <see cref="Text.Language"/>.</summary>
internal sealed record HistoryWording(
    Language Language,
    string Title,
    string Updated,
    string Empty,
    string Ringing,
    string Older,
    string Newest,
    string To,
    string Rang,
    string TestCall,
    string Withheld,
    string Unknown,
    string FromPhonebook,
    string FromCallerId,
    string Announced,
    string AnnouncedDuplicate,
    string SuppressedByDedup,
    string BlockedByRule,
    string Blocked,
    string QuietHours,
    string ToastOnly,
    string RefusedToken,
    string RefusedDisabled,
    string RefusedPayload,
    string DeadlineExceeded,
    string Failed,
    string EndedBeforeIdentity,
    string CallerHungUp,
    string Rejected,
    string OtherCause,
    string Lost,
    string CallsItself,
    string Erase,
    string LogOut)
{
    public static HistoryWording German { get; } = new(
        Language: Language.German,
        Title: "Anrufliste",
        Updated: "Stand",
        Empty: "Noch keine Anrufe.",
        Ringing: "klingelt gerade",
        Older: "Ältere Anrufe",
        Newest: "Neueste Anrufe",
        To: "an",
        Rang: "klingelte",
        TestCall: "Testanruf",
        Withheld: "Rufnummer unterdrückt",
        Unknown: "Unbekannter Anrufer",
        FromPhonebook: "aus dem Telefonbuch",
        FromCallerId: "vom Anrufer übermittelt",
        Announced: "angesagt",
        AnnouncedDuplicate: "angesagt (Renfield hatte ihn schon gezeigt)",
        SuppressedByDedup: "nicht angesagt: derselbe Anrufer wurde gerade schon angesagt",
        BlockedByRule: "nicht angesagt: durch eine Regel blockiert",
        Blocked: "nicht angesagt: Nummer gesperrt",
        QuietHours: "nicht angesagt: Ruhezeit",
        ToastOnly: "nur angezeigt, nicht gesprochen",
        RefusedToken: "nicht angesagt: Renfield hat das Token abgelehnt",
        RefusedDisabled: "nicht angesagt: bei Renfield sind proaktive Benachrichtigungen aus",
        RefusedPayload: "nicht angesagt: Renfield hat die Nachricht abgelehnt",
        DeadlineExceeded: "nicht angesagt: Renfield hat nicht rechtzeitig geantwortet",
        Failed: "nicht angesagt: Fehler im Monitor (siehe Log)",
        EndedBeforeIdentity: "nicht angesagt: aufgelegt, bevor der Anrufer feststand",
        CallerHungUp: "Anrufer hat aufgelegt",
        Rejected: "nach der Klingelzeit abgewiesen",
        OtherCause: "beendet, Ursache",
        Lost: "Ende nicht gesehen (Verbindung zu Asterisk unterbrochen)",
        CallsItself: "nennt sich",
        Erase: "Anrufer aus der Liste löschen",
        LogOut: "Abmelden");

    public static HistoryWording English { get; } = new(
        Language: Language.English,
        Title: "Calls",
        Updated: "As of",
        Empty: "No calls yet.",
        Ringing: "ringing now",
        Older: "Older calls",
        Newest: "Newest calls",
        To: "to",
        Rang: "rang",
        TestCall: "Test call",
        Withheld: "Number withheld",
        Unknown: "Unknown caller",
        FromPhonebook: "from the phonebook",
        FromCallerId: "sent by the caller",
        Announced: "announced",
        AnnouncedDuplicate: "announced (Renfield had shown it already)",
        SuppressedByDedup: "not announced: the same caller was just announced",
        BlockedByRule: "not announced: blocked by a rule",
        Blocked: "not announced: number blocked",
        QuietHours: "not announced: quiet hours",
        ToastOnly: "shown, not spoken",
        RefusedToken: "not announced: Renfield refused the token",
        RefusedDisabled: "not announced: Renfield has proactive notifications switched off",
        RefusedPayload: "not announced: Renfield refused the message",
        DeadlineExceeded: "not announced: Renfield did not answer in time",
        Failed: "not announced: the monitor failed (see its log)",
        EndedBeforeIdentity: "not announced: hung up before the caller was known",
        CallerHungUp: "caller hung up",
        Rejected: "turned away after the ring time",
        OtherCause: "ended, cause",
        Lost: "end not seen (connection to Asterisk lost)",
        CallsItself: "calls itself",
        Erase: "Erase this caller from the list",
        LogOut: "Log out");

    public string OutcomeText(CallRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Outcome switch
        {
            CallOutcome.Announced when record.RenfieldStatus == RenfieldStatus.DuplicateSuppressedByRenfield => AnnouncedDuplicate,
            CallOutcome.Announced when record.Spoken == false => record.Rule is { } rule ? $"{ToastOnly} ({RuleName(rule)})" : ToastOnly,
            CallOutcome.Announced => Announced,
            CallOutcome.SuppressedByDedup => SuppressedByDedup,
            CallOutcome.BlockedByRule when record.Rule == DecidingRule.Blocked => Blocked,
            CallOutcome.BlockedByRule when record.Rule == DecidingRule.QuietHours => QuietHours,
            CallOutcome.BlockedByRule => BlockedByRule,
            CallOutcome.RefusedByRenfield when record.RenfieldStatus == RenfieldStatus.Unauthorized => RefusedToken,
            CallOutcome.RefusedByRenfield when record.RenfieldStatus == RenfieldStatus.Disabled => RefusedDisabled,
            CallOutcome.RefusedByRenfield => RefusedPayload,
            CallOutcome.DeadlineExceeded => DeadlineExceeded,
            CallOutcome.Failed => Failed,
            _ => EndedBeforeIdentity,
        };
    }

    private string RuleName(DecidingRule rule) => rule switch
    {
        DecidingRule.QuietHours => Language == Language.German ? "Ruhezeit" : "quiet hours",
        DecidingRule.Blocked => Language == Language.German ? "Nummer gesperrt" : "number blocked",
        _ => Language == Language.German ? "Regel" : "rule",
    };

    public string? EndingText(CallRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Ended switch
        {
            CallEnding.CallerHungUp => CallerHungUp,
            CallEnding.Rejected => Rejected,
            CallEnding.OtherCause => $"{OtherCause} {record.HangupCause?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} {record.HangupCauseText}".TrimEnd(),
            CallEnding.Lost => Lost,
            _ => null,
        };
    }

    public static HistoryWording For(Language language) => language == Language.English ? English : German;
}
