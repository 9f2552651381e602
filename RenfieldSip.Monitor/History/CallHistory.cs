using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.Identity;
using RenfieldSip.Monitor.Lifecycle;
using RenfieldSip.Monitor.Notification;
using RenfieldSip.Monitor.Rules;
using RenfieldSip.Monitor.Telemetry;
using RenfieldSip.Monitor.Text;

namespace RenfieldSip.Monitor.History;

/// <summary>
/// Gathers each call's record from its lifecycle (<see cref="Apply"/>, fed by the <see cref="CallHistoryWriter"/>)
/// and hands complete ones to the writer. A record is written once, when both the call's end and its announcement's
/// outcome are known; until then the history holds the call's root activity, tags it with the outcome
/// (<c>renfieldsip.call.outcome</c>) and ends it, so the trace carries the outcome too. Nothing here waits.
/// </summary>
/// <remarks>
/// An entry lives from the call's start until both its end and its announcement's outcome are known: at most the
/// ring time plus <c>Webhook:Deadline</c>, the same bound as the tracker's own state; the writer's queue is bounded.
/// </remarks>
internal sealed class CallHistory
{
    public const string OutcomeTag = "renfieldsip.call.outcome";

    private const int WriteQueueCapacity = 1024;

    private readonly Dictionary<string, CallHistoryEntry> _open = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly Channel<CallRecord> _completed;
    private readonly bool _redactNumbers;
    private readonly ILogger<CallHistory> _logger;

    public CallHistory(IOptions<HistoryOptions> options, ILogger<CallHistory> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _redactNumbers = options.Value.RedactNumbers;
        _logger = logger;
        _completed = Channel.CreateBounded<CallRecord>(
            new BoundedChannelOptions(WriteQueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            dropped => Log.RecordDropped(logger, dropped.CallId));
    }

    /// <summary>Complete records, in the order they completed.</summary>
    public ChannelReader<CallRecord> Completed => _completed.Reader;

    /// <summary>One stage of a call's lifecycle, in the order the pipeline published them.</summary>
    public void Apply(CallEvent callEvent)
    {
        switch (callEvent)
        {
            case CallDetected { TestCall: true } detected:
                TestCallStarted(detected.CallId, detected.DetectedAt, detected.Activity);
                break;
            case CallDetected detected:
                CallStarted(detected.CallId, detected.Did, detected.DetectedAt, detected.Activity);
                break;
            case CallIdentified identified:
                CallerIdentified(identified.CallId, identified.Caller);
                break;
            case CallDecided decided:
                AnnouncementComposed(decided.CallId, decided.Rule, decided.Spoken);
                break;
            case CallAnnounced announced:
                AnnouncementFinished(announced.CallId, announced.Outcome);
                break;
            case CallDropped dropped:
                AnnouncementDropped(dropped.CallId);
                break;
            case CallEnded ended:
                CallEnded(ended.CallId, ended.EndedAt, ended.Cause, ended.CauseText, ended.TechCause, ended.AnnouncementPending);
                break;
            case CallLost lost:
                CallLost(lost.CallId, lost.AnnouncementPending);
                break;
        }
    }

    /// <summary>The tracker saw a call start (<paramref name="activity"/> is its root, ended by the history from now on).</summary>
    public void CallStarted(string callId, string? did, DateTimeOffset startedAt, Activity? activity) =>
        Open(new CallHistoryEntry(callId, did, startedAt, testCall: false, activity));

    /// <summary>The test call: recorded as such once its announcement is done, since nothing will hang it up.</summary>
    public void TestCallStarted(string callId, DateTimeOffset startedAt, Activity? activity) =>
        Open(new CallHistoryEntry(callId, did: null, startedAt, testCall: true, activity) { Ending = CallEnding.NotRung });

    public void CallerIdentified(string callId, CallerIdentity caller) => Update(callId, entry => entry.Caller = caller);

    /// <summary><paramref name="rule"/> is the phonebook rule that decided (null when none did), <paramref name="spoken"/> whether Renfield is asked to speak it.</summary>
    public void AnnouncementComposed(string callId, DecidingRule? rule, bool spoken) => Update(callId, entry =>
    {
        entry.Rule = rule;
        entry.Spoken = spoken;
    });

    public void AnnouncementFinished(string callId, DeliveryOutcome outcome) => Update(callId, entry =>
    {
        (entry.Outcome, entry.RenfieldStatus) = OutcomeMapping.From(outcome);
    });

    /// <summary>The queue dropped the call before any worker took it.</summary>
    public void AnnouncementDropped(string callId) => Update(callId, entry => entry.Outcome = CallOutcome.Failed);

    public void CallEnded(string callId, DateTimeOffset endedAt, string? cause, string? causeText, string? techCause, bool announcementPending) =>
        Update(callId, entry =>
        {
            entry.Ended = true;
            entry.EndedAt = endedAt;
            entry.AnnouncementPending = announcementPending;
            entry.HangupCause = HangupCauses.Parse(cause);
            entry.HangupCauseText = UntrustedText.Clean(causeText, 64);
            entry.Ending = HangupCauses.Classify(entry.HangupCause, techCause);
        });

    /// <summary>The AMI session ended while the call rang: its end will never be seen.</summary>
    public void CallLost(string callId, bool announcementPending) => Update(callId, entry =>
    {
        entry.Ended = true;
        entry.AnnouncementPending = announcementPending;
        entry.Ending = CallEnding.Lost;
    });

    /// <summary>The calls ringing now, newest first.</summary>
    public IReadOnlyList<RingingCall> Ringing()
    {
        var ringing = new List<RingingCall>();
        lock (_gate)
        {
            foreach (var entry in _open.Values)
            {
                if (!entry.TestCall && !entry.Ended)
                {
                    // While it rings only a phonebook name heads the row; a caller's own claim waits for the record.
                    var (number, name, withheld) = Announced(entry.Caller);
                    var contactName = entry.Caller?.Kind == CallerKind.Contact ? name : null;
                    ringing.Add(new RingingCall(entry.CallId, entry.StartedAt, entry.Did, number, contactName, withheld));
                }
            }
        }

        ringing.Sort((a, b) => b.StartedAt.CompareTo(a.StartedAt));
        return ringing;
    }

    /// <summary>
    /// The monitor stops: every call still open is recorded with what is known (an unseen end is <c>lost</c>, an
    /// announcement still under way <c>failed</c>), and no more records will come.
    /// </summary>
    public void CompleteAll()
    {
        List<CallHistoryEntry> open;
        lock (_gate)
        {
            open = [.. _open.Values];
            _open.Clear();
        }

        foreach (var entry in open)
        {
            entry.Ended = true;
            entry.Outcome ??= entry.AnnouncementPending || entry.TestCall || entry.Caller is not null ? CallOutcome.Failed : CallOutcome.EndedBeforeIdentity;
            Complete(entry);
        }

        _completed.Writer.TryComplete();
    }

    private void Open(CallHistoryEntry entry)
    {
        lock (_gate)
        {
            _open.TryAdd(entry.CallId, entry);
        }
    }

    private void Update(string callId, Action<CallHistoryEntry> change)
    {
        CallHistoryEntry? complete = null;
        lock (_gate)
        {
            if (!_open.TryGetValue(callId, out var entry))
            {
                return;
            }

            change(entry);
            if (entry.IsComplete)
            {
                _open.Remove(callId);
                complete = entry;
            }
        }

        if (complete is not null)
        {
            Complete(complete);
        }
    }

    private void Complete(CallHistoryEntry entry)
    {
        var outcome = entry.Outcome ?? CallOutcome.EndedBeforeIdentity;
        var (number, name, withheld) = Announced(entry.Caller);
        var record = new CallRecord
        {
            CallId = entry.CallId,
            TestCall = entry.TestCall,
            StartedAt = entry.StartedAt,
            Did = entry.Did,
            CallerNumber = number,
            CallerName = name,
            Withheld = withheld,
            NameSource = entry.Caller is { } caller ? CallerNameSource.Of(caller, name) : CallerNameSource.None,
            PhonebookSource = name is not null ? entry.Caller?.Contact?.Source : null,
            RingSeconds = entry.EndedAt is { } endedAt ? Math.Round((endedAt - entry.StartedAt).TotalSeconds, 3) : null,
            Ended = entry.Ending,
            HangupCause = entry.HangupCause,
            HangupCauseText = entry.HangupCauseText,
            Outcome = outcome,
            RenfieldStatus = entry.RenfieldStatus,
            Rule = entry.Rule,
            Spoken = entry.RenfieldStatus is null ? null : entry.Spoken,
        };

        // The root activity ends here rather than at the Hangup, so the outcome is on it even when the announcement
        // finished after the caller hung up.
        entry.Activity?.SetTag(OutcomeTag, SnakeCaseEnumConverter<CallOutcome>.Name(outcome));
        entry.Activity?.Stop();
        Log.Recorded(_logger, record.CallId, record.Outcome, record.Ended);
        _completed.Writer.TryWrite(record);
    }

    private (string? Number, string? Name, bool Withheld) Announced(CallerIdentity? caller)
    {
        if (caller is null || caller.Kind == CallerKind.Withheld)
        {
            return (null, null, caller is not null);
        }

        // Cleaned as the notification composer cleans them: the record shows what Renfield was given.
        var number = UntrustedText.Clean(caller.DisplayNumber, UntrustedText.MaxNumberDigits);
        if (number is not null && _redactNumbers)
        {
            number = CallerNumberRedactor.Mask(number);
        }

        return (number, UntrustedText.Clean(caller.Name, UntrustedText.MaxNameLength), false);
    }
}
