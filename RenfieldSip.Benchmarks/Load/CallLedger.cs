namespace RenfieldSip.Benchmarks.Load;

/// <summary>
/// Send and arrival timestamps per call, shared by the generator (send) and the sink or raw reader (arrival).
/// Arrays, not dictionaries: the load tool must not allocate per call while it measures.
/// </summary>
internal sealed class CallLedger
{
    private readonly long[] _sent;
    private readonly long[] _arrived;
    private int _arrivedCount;
    private int _duplicates;
    private int _unmatched;
    private long _lastArrival;

    /// <param name="firstCall">The caller-number index of the stream's call 0 (a warm-up stream uses numbers of its own).</param>
    public CallLedger(int calls, int firstCall = 0)
    {
        _sent = new long[calls];
        _arrived = new long[calls];
        FirstCall = firstCall;
    }

    public int FirstCall { get; }

    public int Calls => _sent.Length;

    public int Arrived => Volatile.Read(ref _arrivedCount);

    public int Duplicates => Volatile.Read(ref _duplicates);

    /// <summary>Webhook requests whose caller number is not one this run generated.</summary>
    public int Unmatched => Volatile.Read(ref _unmatched);

    public long LastArrivalTimestamp => Volatile.Read(ref _lastArrival);

    public void MarkSent(int call, long timestamp) => Volatile.Write(ref _sent[call], timestamp);

    public void MarkArrived(int call, long timestamp)
    {
        if ((uint)call >= (uint)_arrived.Length)
        {
            Interlocked.Increment(ref _unmatched);
            return;
        }

        if (Interlocked.CompareExchange(ref _arrived[call], timestamp, 0) != 0)
        {
            Interlocked.Increment(ref _duplicates);
            return;
        }

        long last;
        do
        {
            last = Volatile.Read(ref _lastArrival);
        }
        while (timestamp > last && Interlocked.CompareExchange(ref _lastArrival, timestamp, last) != last);

        Interlocked.Increment(ref _arrivedCount);
    }

    public void MarkUnmatched() => Interlocked.Increment(ref _unmatched);

    /// <summary>Send → arrival of one call in milliseconds; NaN when it was not sent or has not arrived.</summary>
    public double LatencyMs(int call, TimeProvider timeProvider)
    {
        var sent = Volatile.Read(ref _sent[call]);
        var arrived = Volatile.Read(ref _arrived[call]);
        return sent != 0 && arrived != 0 ? timeProvider.GetElapsedTime(sent, arrived).TotalMilliseconds : double.NaN;
    }

    /// <summary>Send → arrival in milliseconds for every call that arrived.</summary>
    public double[] LatenciesMs(TimeProvider timeProvider)
    {
        var latencies = new List<double>(Arrived);
        for (var call = 0; call < _sent.Length; call++)
        {
            var sent = Volatile.Read(ref _sent[call]);
            var arrived = Volatile.Read(ref _arrived[call]);
            if (sent != 0 && arrived != 0)
            {
                latencies.Add(timeProvider.GetElapsedTime(sent, arrived).TotalMilliseconds);
            }
        }

        return [.. latencies];
    }
}
