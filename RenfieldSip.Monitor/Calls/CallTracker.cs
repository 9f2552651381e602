using System.Diagnostics;
using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.Announcements;
using RenfieldSip.Monitor.Identity;
using RenfieldSip.Monitor.Lifecycle;
using RenfieldSip.Monitor.Telemetry;
using RenfieldSip.Monitor.Text;

namespace RenfieldSip.Monitor.Calls;

/// <summary>
/// Follows each inbound channel by Uniqueid from its first event to its Hangup and decides when its identity is
/// settled enough to announce. Knows nothing of bytes: the dispatcher feeds it domain facts.
/// </summary>
/// <remarks>
/// The read loop calls in one at a time, but settle timers fire on the thread pool, so state is guarded by a
/// lock. Nothing outlives a call's Hangup (or the AMI session), so memory stays flat however many calls pass.
/// </remarks>
internal sealed class CallTracker : IDisposable
{
    private const int MaxDidLength = 64;

    private readonly Dictionary<string, TrackedCall> _calls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TrackedCall>.AlternateLookup<ReadOnlySpan<char>> _callsBySpan;
    private readonly Lock _gate = new();
    private readonly CallQueue _queue;
    private readonly CallLifecycle _lifecycle;
    private readonly MonitorTelemetry _telemetry;
    private readonly CallerNumberRedactor _redactor;
    private readonly CallOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<CallTracker> _logger;
    private bool _fallbackExplained;

    public CallTracker(
        CallQueue queue,
        CallLifecycle lifecycle,
        MonitorTelemetry telemetry,
        CallerNumberRedactor redactor,
        IOptions<CallOptions> options,
        TimeProvider time,
        ILogger<CallTracker> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _queue = queue;
        _lifecycle = lifecycle;
        _telemetry = telemetry;
        _redactor = redactor;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _callsBySpan = _calls.GetAlternateLookup<ReadOnlySpan<char>>();
        telemetry.Meter.CreateObservableUpDownCounter("renfieldsip.calls.active", () => ActiveCalls, "{call}", "Inbound calls ringing now.");
    }

    public int ActiveCalls
    {
        get
        {
            lock (_gate)
            {
                return _calls.Count;
            }
        }
    }

    public bool IsTracked(ReadOnlySpan<char> callId)
    {
        lock (_gate)
        {
            return _callsBySpan.ContainsKey(callId);
        }
    }

    /// <summary>A Newchannel in an inbound context: the call starts; its identity may still change.</summary>
    public void OnChannelCreated(string callId, string? did, string? callerNumber, string? callerName)
    {
        lock (_gate)
        {
            if (_calls.ContainsKey(callId))
            {
                return;
            }

            var call = Start(callId, did);
            call.CallerNumber = callerNumber;
            call.CallerName = callerName;
            call.SettleTimer = _time.CreateTimer(OnSettleTimeout, call, _options.SettleTimeout, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>A NewCallerid: the dialplan changed the caller id (for example rewrote a withheld one to anonymous).</summary>
    public void OnCallerIdChanged(string callId, string? callerNumber, string? callerName, CallerPresentation presentation)
    {
        lock (_gate)
        {
            if (!_calls.TryGetValue(callId, out var call) || call.Announced)
            {
                return;
            }

            call.CallerNumber = callerNumber;
            call.CallerName = callerName;
            if (presentation != CallerPresentation.Unknown)
            {
                call.Presentation = presentation;
            }
        }
    }

    /// <summary>
    /// The dialplan's identity event: caller id and presentation are final. Also starts a call whose Newchannel
    /// was missed (the monitor logged in a moment after it), since the event carries everything needed.
    /// </summary>
    public void OnIdentitySettled(string callId, string? did, string? callerNumber, string? callerName, CallerPresentation presentation)
    {
        lock (_gate)
        {
            if (!_calls.TryGetValue(callId, out var call))
            {
                call = Start(callId, did);
            }

            if (call.Announced)
            {
                return;
            }

            call.CallerNumber = callerNumber;
            call.CallerName = callerName;
            call.Presentation = presentation;
            Announce(call, settledBy: "identity_event");
        }
    }

    public void OnHangup(string callId, string? cause, string? causeText, string? techCause)
    {
        TrackedCall? call;
        lock (_gate)
        {
            if (!_calls.Remove(callId, out call))
            {
                // A call that started before this session (Asterisk replays nothing) or that is not inbound.
                return;
            }

            call.SettleTimer?.Dispose();
        }

        using var scope = ActivityScope.Enter(call.Activity);
        call.Activity?.SetTag("renfieldsip.hangup.cause", cause);
        call.Activity?.SetTag("renfieldsip.hangup.cause_text", causeText);
        call.Activity?.SetTag("renfieldsip.hangup.tech_cause", techCause);
        if (!call.Announced)
        {
            _telemetry.CallsUnannounced.Add(1, new KeyValuePair<string, object?>("reason", "ended_before_identity"));
            Log.EndedBeforeIdentity(_logger, call.CallId, cause, techCause);
        }

        Log.CallEnded(_logger, call.CallId, cause, causeText, techCause);
        _lifecycle.Publish(new CallEnded(call.CallId, _time.GetUtcNow(), cause, causeText, techCause, AnnouncementPending: call.Announced));
    }

    /// <summary>An event whose call could not be told safely (see the dispatcher); nothing of it is logged but its name.</summary>
    public void OnAmbiguousEvent(string eventName) => Log.AmbiguousEvent(_logger, eventName);

    /// <summary>
    /// The AMI session is gone: Hangups sent meanwhile are lost for good, so forget every call rather than keep
    /// state that would never be released.
    /// </summary>
    public void OnSessionEnded()
    {
        List<TrackedCall> lost;
        lock (_gate)
        {
            lost = [.. _calls.Values];
            _calls.Clear();
        }

        foreach (var call in lost)
        {
            call.SettleTimer?.Dispose();
            using var scope = ActivityScope.Enter(call.Activity);
            if (!call.Announced)
            {
                _telemetry.CallsUnannounced.Add(1, new KeyValuePair<string, object?>("reason", "ami_session_lost"));
            }

            Log.CallLostWithSession(_logger, call.CallId, call.Announced);
            call.Activity?.SetTag("renfieldsip.ami.session_lost", true);
            _lifecycle.Publish(new CallLost(call.CallId, AnnouncementPending: call.Announced));
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var call in _calls.Values)
            {
                call.SettleTimer?.Dispose();
                call.Activity?.Stop();
            }

            _calls.Clear();
        }
    }

    private TrackedCall Start(string callId, string? did)
    {
        // The DID is the Request-URI user: whoever sends the INVITE writes it, so it is cleaned like a caller name.
        did = UntrustedText.Clean(did, MaxDidLength);
        // A root activity, so every call is its own trace. A default parentContext means "parent = Activity.Current",
        // and StartActivity leaves the new activity current on the read loop: without clearing it, each call would
        // be the child of the previous one and keep it alive. The loop's own context is restored afterwards.
        var loopActivity = Activity.Current;
        Activity.Current = null;
        var activity = _telemetry.ActivitySource.StartActivity("incoming call", ActivityKind.Consumer);
        Activity.Current = loopActivity;
        activity?.SetTag("renfieldsip.call.id", callId);
        activity?.SetTag("renfieldsip.call.did", did);
        var call = new TrackedCall(callId, did, _time.GetUtcNow(), activity);
        _calls.Add(callId, call);
        _lifecycle.Publish(new CallDetected(callId, did, call.DetectedAt, activity));
        _telemetry.CallsDetected.Add(1);
        using var scope = ActivityScope.Enter(activity);
        Log.CallDetected(_logger, callId, did);
        return call;
    }

    private void OnSettleTimeout(object? state)
    {
        var call = (TrackedCall)state!;
        lock (_gate)
        {
            if (call.Announced || !_calls.ContainsKey(call.CallId))
            {
                return;
            }

            if (call.Presentation == CallerPresentation.Unknown && !_options.TrustCallerIdWithoutPresentation)
            {
                // Nobody said whether the number may be shown; on AMI a withheld number looks like any other.
                if (!_fallbackExplained)
                {
                    _fallbackExplained = true;
                    using var explainScope = ActivityScope.Enter(call.Activity);
                    Log.NoIdentityEvent(_logger, _options.IdentityEvent, _options.SettleTimeout);
                }

                call.CallerNumber = null;
                call.CallerName = null;
            }

            Announce(call, settledBy: "settle_timeout");
        }
    }

    private void Announce(TrackedCall call, string settledBy)
    {
        call.Announced = true;
        call.SettleTimer?.Dispose();
        call.SettleTimer = null;
        var withheld = call.Presentation == CallerPresentation.Withheld;
        var number = withheld ? null : call.CallerNumber;
        var name = withheld ? null : call.CallerName;

        // The raw caller id is written by the caller: 10 kB of it must not become a 10 kB log line or trace tag.
        var shown = withheld ? "withheld" : _redactor.Redact(UntrustedText.CleanNumber(number));
        using var scope = ActivityScope.Enter(call.Activity);
        call.Activity?.SetTag("renfieldsip.caller.presentation", call.Presentation.ToString());
        call.Activity?.SetTag("renfieldsip.caller.number", shown);
        call.Activity?.SetTag("renfieldsip.identity.settled_by", settledBy);
        Log.IdentitySettled(_logger, call.CallId, call.Presentation, shown, settledBy);
        _queue.Enqueue(new IncomingCall(call.CallId, number, name, call.Did, call.Presentation, call.DetectedAt, call.Activity));
    }
}
