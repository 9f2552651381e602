using System.Diagnostics;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.History;
using RenfieldSip.Monitor.Identity;
using RenfieldSip.Monitor.Notification;
using RenfieldSip.Monitor.Text;

namespace RenfieldSip.Tests.History;

/// <summary>How one call's record is put together from what the tracker and the announcer report.</summary>
public sealed class CallHistoryTests
{
    private static readonly DateTimeOffset Start = HistoryRecords.Start;
    private static readonly CallerIdentity Max = new(CallerKind.Contact, "Max Mustermann", "+49 170 1234567", "+491701234567");

    [Fact]
    public void A_call_announced_while_ringing_is_recorded_at_its_hangup()
    {
        var history = History();
        history.CallStarted("c1", "+4930123456", Start, activity: null);
        history.CallerIdentified("c1", Max);
        history.AnnouncementFinished("c1", DeliveryOutcome.Delivered);
        Assert.False(history.Completed.TryRead(out _));

        history.CallEnded("c1", Start.AddSeconds(30), "21", "Call Rejected", "403", announcementPending: true);

        Assert.True(history.Completed.TryRead(out var record));
        Assert.Equal(
            new CallRecord
            {
                CallId = "c1",
                StartedAt = Start,
                Did = "+4930123456",
                CallerNumber = "+49 170 1234567",
                CallerName = "Max Mustermann",
                NameSource = "phonebook",
                RingSeconds = 30,
                Ended = CallEnding.Rejected,
                HangupCause = 21,
                HangupCauseText = "Call Rejected",
                Outcome = CallOutcome.Announced,
                RenfieldStatus = RenfieldStatus.Delivered,
            },
            record);
    }

    [Fact]
    public void An_announcement_that_finishes_after_the_hangup_completes_the_record_and_tags_and_ends_the_trace()
    {
        var history = History();
        using var activity = new Activity("incoming call").Start();
        history.CallStarted("c1", "+4930123456", Start, activity);
        history.CallEnded("c1", Start.AddSeconds(2), "127", "Interworking, unspecified", "487", announcementPending: true);
        Assert.False(history.Completed.TryRead(out _));
        Assert.False(activity.IsStopped);

        history.CallerIdentified("c1", new CallerIdentity(CallerKind.Named, "Praxis", "+49 30 55501234", "+493055501234"));
        history.AnnouncementFinished("c1", DeliveryOutcome.Unauthorized);

        Assert.True(history.Completed.TryRead(out var record));
        Assert.Equal((CallEnding.CallerHungUp, CallOutcome.RefusedByRenfield, RenfieldStatus.Unauthorized, "caller_id"), (record.Ended, record.Outcome, record.RenfieldStatus, record.NameSource));
        Assert.True(activity.IsStopped);
        Assert.Equal("refused_by_renfield", activity.GetTagItem(CallHistory.OutcomeTag));
    }

    [Fact]
    public void A_withheld_caller_is_recorded_without_any_number()
    {
        var history = History();
        history.CallStarted("c1", "+4930123456", Start, activity: null);
        history.CallerIdentified("c1", new CallerIdentity(CallerKind.Withheld, null, null, null));
        history.AnnouncementFinished("c1", DeliveryOutcome.Delivered);
        history.CallEnded("c1", Start.AddSeconds(3), "16", "Normal Clearing", null, announcementPending: true);

        Assert.True(history.Completed.TryRead(out var record));
        Assert.True(record.Withheld);
        Assert.Null(record.CallerNumber);
        Assert.Null(record.CallerName);
        Assert.Equal((CallerNameSource.None, CallEnding.CallerHungUp), (record.NameSource, record.Ended));
    }

    [Fact]
    public void A_call_that_ends_before_its_identity_settled_is_recorded_as_such_without_a_caller()
    {
        var history = History();
        history.CallStarted("c1", "+4930123456", Start, activity: null);

        history.CallEnded("c1", Start.AddSeconds(1), "17", "User busy", null, announcementPending: false);

        Assert.True(history.Completed.TryRead(out var record));
        Assert.Equal((CallOutcome.EndedBeforeIdentity, CallEnding.OtherCause, 17), (record.Outcome, record.Ended, record.HangupCause));
        Assert.Null(record.CallerNumber);
        Assert.False(record.Withheld);
    }

    [Fact]
    public void The_test_call_is_recorded_once_announced_and_a_dropped_call_as_failed()
    {
        var history = History();
        history.TestCallStarted("test-1", Start, activity: null);
        history.CallerIdentified("test-1", new CallerIdentity(CallerKind.Named, "Testanruf", null, null));
        history.AnnouncementFinished("test-1", DeliveryOutcome.Delivered);
        history.CallStarted("c2", null, Start, activity: null);
        history.AnnouncementDropped("c2");
        history.CallLost("c2", announcementPending: true);

        Assert.True(history.Completed.TryRead(out var test));
        Assert.Equal((true, CallEnding.NotRung, CallOutcome.Announced, "Testanruf", (double?)null), (test.TestCall, test.Ended, test.Outcome, test.CallerName, test.RingSeconds));
        Assert.True(history.Completed.TryRead(out var dropped));
        Assert.Equal((CallOutcome.Failed, CallEnding.Lost, (double?)null), (dropped.Outcome, dropped.Ended, dropped.RingSeconds));
    }

    [Fact]
    public void Numbers_are_kept_as_announced_or_redacted_when_configured()
    {
        var history = History(new HistoryOptions { RedactNumbers = true });
        history.TestCallStarted("test-1", Start, activity: null);
        history.CallerIdentified("test-1", Max);
        history.AnnouncementFinished("test-1", DeliveryOutcome.Delivered);

        Assert.True(history.Completed.TryRead(out var record));
        Assert.Equal("+** *** *****67", record.CallerNumber);
    }

    [Fact]
    public void Ringing_calls_are_listed_until_they_end_and_stopping_records_every_open_call()
    {
        var history = History();
        history.CallStarted("c1", "+4930123456", Start, activity: null);
        history.CallStarted("c2", "+4930123456", Start.AddSeconds(1), activity: null);
        history.CallerIdentified("c2", Max);
        history.CallEnded("c1", Start.AddSeconds(2), "127", null, "487", announcementPending: true);

        var ringing = Assert.Single(history.Ringing());
        Assert.Equal(("c2", "Max Mustermann"), (ringing.CallId, ringing.CallerName));

        history.CompleteAll();

        var records = new List<CallRecord>();
        while (history.Completed.TryRead(out var record))
        {
            records.Add(record);
        }

        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.Equal(CallOutcome.Failed, r.Outcome));
        Assert.True(history.Completed.Completion.IsCompleted);
    }

    [Theory]
    [InlineData("127", "487", "caller_hung_up")]
    [InlineData("16", null, "caller_hung_up")]
    [InlineData("21", "403", "rejected")]
    [InlineData("19", null, "rejected")]
    [InlineData("17", "486", "other_cause")]
    [InlineData("garbage", null, "other_cause")]
    public void Hangup_causes_read_as_the_captures_show_them(string cause, string? techCause, string expected) =>
        Assert.Equal(expected, SnakeCaseEnumConverter<CallEnding>.Name(HangupCauses.Classify(HangupCauses.Parse(cause), techCause)));

    [Fact]
    public void Every_delivery_outcome_has_a_history_outcome()
    {
        Assert.All(Enum.GetValues<DeliveryOutcome>(), delivery => OutcomeMapping.From(delivery));
        Assert.Equal((CallOutcome.Announced, (RenfieldStatus?)RenfieldStatus.DuplicateSuppressedByRenfield), OutcomeMapping.From(DeliveryOutcome.DuplicateSuppressedByRenfield));
        Assert.Equal((CallOutcome.SuppressedByDedup, null), OutcomeMapping.From(DeliveryOutcome.SuppressedByDedup));
    }

    [Fact]
    public void Every_delivery_outcome_has_a_word_for_a_messages_announcement()
    {
        Assert.All(Enum.GetValues<DeliveryOutcome>(), delivery => OutcomeMapping.OfMessage(delivery));
        Assert.Equal(VoicemailAnnouncement.BlockedByRule, OutcomeMapping.OfMessage(DeliveryOutcome.SuppressedByQuietHours));
        Assert.Equal(VoicemailAnnouncement.DeadlineExceeded, OutcomeMapping.OfMessage(DeliveryOutcome.DeadlineExceeded));
    }

    private static CallHistory History(HistoryOptions? options = null) =>
        new(Options.Create(options ?? new HistoryOptions()), new FakeLogger<CallHistory>());
}
