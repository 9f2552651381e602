using RenfieldSip.Monitor.Ami;

namespace RenfieldSip.Tests.Support;

/// <summary>A handler that only counts (optionally throwing on chosen events), for throughput and fault tests.</summary>
internal sealed class AmiCountingEventHandler(Func<AmiFrame, bool>? throwWhen = null) : IAmiEventHandler
{
    private readonly AmiTestSignal _signal = new();
    private long _events;
    private long _target = long.MaxValue;

    public long Events => Interlocked.Read(ref _events);

    public void OnEvent(AmiFrame frame)
    {
        var count = Interlocked.Increment(ref _events);
        if (throwWhen is not null && throwWhen(frame))
        {
            _signal.Pulse();
            throw new InvalidOperationException("handler failure injected by the test");
        }

        // Pulsing per event would dominate a throughput run; only the awaited count wakes the waiter.
        if (count >= Volatile.Read(ref _target))
        {
            _signal.Pulse();
        }
    }

    public void OnSessionEnded() => _signal.Pulse();

    /// <summary>One waiter at a time: the awaited count is what makes OnEvent pulse.</summary>
    public Task WaitForEventsAsync(long count, TimeSpan? timeout = null)
    {
        Volatile.Write(ref _target, count);
        return _signal.WaitUntilAsync(() => Events >= count, $"{count} events (have {Events})", timeout);
    }
}
