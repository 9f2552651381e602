using System.Threading.Channels;

namespace RenfieldSip.Monitor.Lifecycle;

/// <summary>
/// One listener's queue of lifecycle events: bounded, and when full the oldest unread event is dropped and counted,
/// so a slow listener never blocks a publisher. Disposing leaves the lifecycle; events already queued can still be read.
/// </summary>
internal sealed class CallLifecycleSubscription : IDisposable
{
    private readonly CallLifecycle _lifecycle;
    private readonly Channel<CallEvent> _events;
    private long _dropped;

    internal CallLifecycleSubscription(CallLifecycle lifecycle, string subscriber, int capacity)
    {
        _lifecycle = lifecycle;
        Subscriber = subscriber;
        _events = Channel.CreateBounded<CallEvent>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = false },
            OnDropped);
    }

    public string Subscriber { get; }

    /// <summary>The events in the order they were published; complete once the subscription is disposed and read out.</summary>
    public ChannelReader<CallEvent> Events => _events.Reader;

    /// <summary>How many events this listener lost by falling behind.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public void Dispose()
    {
        _lifecycle.Leave(this);
        _events.Writer.TryComplete();
    }

    internal void Offer(CallEvent callEvent) => _events.Writer.TryWrite(callEvent);

    private void OnDropped(CallEvent callEvent)
    {
        Interlocked.Increment(ref _dropped);
        _lifecycle.Dropped(this, callEvent);
    }
}
