using RenfieldSip.Monitor.History;

namespace RenfieldSip.Tests.History;

/// <summary>Complete records for store tests.</summary>
internal static class HistoryRecords
{
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    public static CallRecord Call(string callId, CallOutcome outcome = CallOutcome.Announced, DateTimeOffset? startedAt = null, CallEnding ended = CallEnding.CallerHungUp) => new()
    {
        CallId = callId,
        StartedAt = startedAt ?? Start,
        Did = "+4930123456",
        CallerNumber = "+49 170 1234567",
        CallerName = "Max Mustermann",
        NameSource = CallerNameSource.Phonebook,
        RingSeconds = 3.2,
        Ended = ended,
        HangupCause = 127,
        HangupCauseText = "Interworking, unspecified",
        Outcome = outcome,
        RenfieldStatus = outcome == CallOutcome.Announced ? RenfieldStatus.Delivered : null,
    };
}
