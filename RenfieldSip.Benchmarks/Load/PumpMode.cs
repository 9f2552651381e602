namespace RenfieldSip.Benchmarks.Load;

internal enum PumpMode
{
    /// <summary>Every segment as fast as the socket takes it (throughput).</summary>
    Burst,

    /// <summary>One call every 1/rate seconds, one write per call (latency).</summary>
    Paced,

    /// <summary>As fast as possible but never more than a window of calls ahead of the announcements (memory).</summary>
    Windowed,
}
