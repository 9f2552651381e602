using RenfieldSip.Tests.Support;

namespace RenfieldSip.Benchmarks.Load;

/// <summary>
/// Writes a <see cref="CallStream"/> into a connection of the AMI server. Each call's send time is stamped just before the write
/// that carries its identity event, so the measured latency includes our own write, never less than the truth.
/// </summary>
internal sealed class StreamPump
{
    // Large writes keep syscalls out of the throughput figure; 256 KiB is well past loopback's sweet spot.
    private const int BatchBytes = 256 * 1024;

    private readonly CallStream _stream;
    private readonly CallLedger _ledger;
    private readonly TimeProvider _timeProvider;

    public StreamPump(CallStream stream, CallLedger ledger, TimeProvider timeProvider)
    {
        _stream = stream;
        _ledger = ledger;
        _timeProvider = timeProvider;
    }

    public async Task<PumpResult> RunAsync(AmiTestServerConnection connection, PumpPlan plan, CancellationToken cancellationToken)
    {
        var buffer = new byte[Math.Max(BatchBytes, _stream.MaxSegmentBytes) + _stream.MaxSegmentBytes];
        var filled = 0;
        var batchFirstCall = 0;
        long bytes = 0;
        var first = 0L;
        var interval = plan.Mode == PumpMode.Paced ? TimeSpan.FromSeconds(1 / plan.CallsPerSecond) : TimeSpan.Zero;
        var start = _timeProvider.GetTimestamp();

        async ValueTask FlushAsync(int endCall)
        {
            if (filled == 0)
            {
                return;
            }

            var now = _timeProvider.GetTimestamp();
            if (first == 0)
            {
                first = now;
            }

            for (var call = batchFirstCall; call < endCall; call++)
            {
                _ledger.MarkSent(call, now);
            }

            await connection.WriteBatchAsync(buffer.AsMemory(0, filled), cancellationToken);
            bytes += filled;
            filled = 0;
            batchFirstCall = endCall;
        }

        for (var segment = 0; segment < _stream.Segments; segment++)
        {
            var isCall = segment < _stream.Calls;
            if (isCall && plan.Mode == PumpMode.Paced)
            {
                var due = interval * segment;
                var wait = due - _timeProvider.GetElapsedTime(start);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _timeProvider, cancellationToken);
                }
            }
            else if (isCall && plan.Mode == PumpMode.Windowed && segment - _ledger.Arrived >= plan.Window)
            {
                await FlushAsync(segment);
                while (segment - _ledger.Arrived >= plan.Window)
                {
                    // Polling keeps the sink's hot path free of any signalling; 1 ms is far below a webhook's cost.
                    await Task.Delay(TimeSpan.FromMilliseconds(1), _timeProvider, cancellationToken);
                }
            }

            filled += _stream.WriteSegment(segment, buffer.AsSpan(filled));
            var endCall = Math.Min(segment + 1, _stream.Calls);
            if (plan.Mode == PumpMode.Paced || filled >= BatchBytes || segment == _stream.Segments - 1)
            {
                await FlushAsync(endCall);
            }
        }

        return new PumpResult(first, _timeProvider.GetTimestamp(), bytes, _stream.TotalEvents);
    }
}
