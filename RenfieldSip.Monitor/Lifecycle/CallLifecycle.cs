using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using RenfieldSip.Monitor.Telemetry;

namespace RenfieldSip.Monitor.Lifecycle;

/// <summary>
/// Each call's lifecycle, published once by the pipeline (detected and ended or lost by the tracker, identified,
/// decided and announced by the announcer, dropped by the queue) and read by every listener: the history, and any
/// feature that follows calls. Publishers never learn who listens, listeners never learn who published.
/// </summary>
/// <remarks>
/// Publishing never waits. Publishers are the AMI read loop and the announcement workers, so each listener reads from
/// its own bounded queue; one that falls behind loses its oldest events (log 1500, <c>renfieldsip.lifecycle.dropped</c>)
/// and never slows a call down. A publisher finishes writing to every queue before it returns, so what one stage
/// causes (the queue hands the call to a worker, which identifies it) reaches each listener after that stage.
/// </remarks>
internal sealed class CallLifecycle
{
    /// <summary>About 800 calls' worth of events: a listener further behind than that is stuck, not slow.</summary>
    public const int DefaultCapacity = 4096;

    private readonly Lock _gate = new();
    private readonly Counter<long> _dropped;
    private readonly ILogger<CallLifecycle> _logger;
    private CallLifecycleSubscription[] _subscriptions = [];

    public CallLifecycle(MonitorTelemetry telemetry, ILogger<CallLifecycle> logger)
    {
        ArgumentNullException.ThrowIfNull(telemetry);
        _logger = logger;
        _dropped = telemetry.Meter.CreateCounter<long>(
            "renfieldsip.lifecycle.dropped", "{event}", "Call lifecycle events a listener lost because it fell behind; tag subscriber.");
    }

    /// <summary>How many listeners there are now.</summary>
    public int Subscribers => Volatile.Read(ref _subscriptions).Length;

    public void Publish(CallEvent callEvent)
    {
        ArgumentNullException.ThrowIfNull(callEvent);

        // A snapshot: subscribing and leaving replace the array, so publishing takes no lock of its own.
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            subscription.Offer(callEvent);
        }
    }

    /// <summary>
    /// Listens from now on, until the subscription is disposed. A listener that must not miss a call's first stage
    /// subscribes before the pipeline starts (the history does, in its hosted service's start).
    /// </summary>
    /// <param name="subscriber">The listener's name, for the log and the counter when it falls behind.</param>
    /// <param name="capacity">How many unread events are kept before the oldest is dropped.</param>
    public CallLifecycleSubscription Subscribe(string subscriber, int capacity = DefaultCapacity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subscriber);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        var subscription = new CallLifecycleSubscription(this, subscriber, capacity);
        lock (_gate)
        {
            _subscriptions = [.. _subscriptions, subscription];
        }

        return subscription;
    }

    /// <summary>Every event published from the first step of the enumeration until it is cancelled or left.</summary>
    public async IAsyncEnumerable<CallEvent> WatchAsync(string subscriber, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var subscription = Subscribe(subscriber);
        await foreach (var callEvent in subscription.Events.ReadAllAsync(cancellationToken))
        {
            yield return callEvent;
        }
    }

    internal void Leave(CallLifecycleSubscription subscription)
    {
        lock (_gate)
        {
            _subscriptions = Array.FindAll(_subscriptions, s => !ReferenceEquals(s, subscription));
        }
    }

    internal void Dropped(CallLifecycleSubscription subscription, CallEvent callEvent)
    {
        _dropped.Add(1, new KeyValuePair<string, object?>("subscriber", subscription.Subscriber));
        Log.EventDropped(_logger, subscription.Subscriber, callEvent.GetType().Name, callEvent.CallId);
    }
}
