using System.Buffers;
using System.Diagnostics;
using System.Text;
using RenfieldSip.Monitor.Ami;
using RenfieldSip.Monitor.Telemetry;
using RenfieldSip.Tests.Calls;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Calls;

/// <summary>
/// Hot-path properties that a benchmark would only show as a number: noise costs no allocation, and
/// nothing a call leaves behind keeps memory growing with the number of calls.
/// </summary>
public sealed class HotPathTests
{
    private static readonly string[] CallLifecycle = ["Newchannel", "NewCallerid", "UserEvent", "HangupRequest", "SoftHangupRequest", "Hangup"];

    [Fact]
    public void Framing_and_dispatching_events_that_are_not_inbound_calls_allocates_nothing()
    {
        // Small segments so frames straddle segment ends and the scratch copy is exercised too.
        var noise = Segments(NoiseStream(), 1000);
        using var harness = new CallTrackerHarness();
        var scratch = new AmiFrameScratch();

        var (events, straddling) = Dispatch(noise, harness, scratch);
        const int Rounds = 20;
        var measured = 0L;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < Rounds; round++)
        {
            measured += Dispatch(noise, harness, scratch).Events;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(events > 1_000, $"only {events} noise events in the read-all captures");
        Assert.Equal(events * Rounds, measured);
        Assert.True(straddling > 10, $"only {straddling} frames straddled a segment end");

        // Any allocation per event would be at least 24 bytes each. A few hundred bytes once are the JIT's
        // (on-stack replacement compiles on this thread while the suite runs in parallel), not the events'.
        Assert.True(allocated < measured, $"{allocated} bytes allocated for {measured} events");
        Assert.Equal(0, harness.Tracker.ActiveCalls);
    }

    [Fact]
    public void Every_call_is_a_root_activity_even_when_one_read_loop_handles_many_calls()
    {
        var thread = Environment.CurrentManagedThreadId;
        var started = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == MonitorTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = activity =>
            {
                // Other tests create the monitor's activities in parallel; only this thread's read loop counts.
                if (Environment.CurrentManagedThreadId == thread && activity.OperationName == "incoming call")
                {
                    lock (started)
                    {
                        started.Add(activity);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        var outer = Activity.Current;
        using var harness = new CallTrackerHarness();

        var announced = harness.Replay("concurrent-10-calls.ami").Count + harness.Replay("privacy-rewrite-userevent-known.ami").Count;

        Assert.True(announced >= 2, $"only {announced} calls announced");
        Assert.Equal(announced, started.Count);
        Assert.All(started, activity =>
        {
            Assert.Null(activity.Parent);
            Assert.Equal(default, activity.ParentSpanId);
        });
        Assert.Equal(announced, started.Select(a => a.TraceId).Distinct().Count());

        // The read loop's own context is left as it was: a call's activity must not become the next call's parent.
        Assert.Same(outer, Activity.Current);
    }

    private static byte[] NoiseStream()
    {
        var stream = new MemoryStream();
        foreach (var name in AmiCapture.AllNames.Where(n => n.Contains(".read-all", StringComparison.Ordinal)))
        {
            var capture = AmiCapture.Load(name);
            foreach (var (start, length) in capture.BlockRanges)
            {
                var block = capture.Bytes.AsSpan(start, length);
                var frame = new AmiFrame(block);
                if (frame.Kind == AmiFrameKind.Event && !CallLifecycle.Contains(Encoding.ASCII.GetString(frame.Name)))
                {
                    stream.Write(block);
                    stream.Write("\r\n\r\n"u8);
                }
            }
        }

        // The captures hold about a hundred such events; ten rounds make a stream that crosses many segment ends.
        var once = stream.ToArray();
        return [.. Enumerable.Repeat(once, 10).SelectMany(bytes => bytes)];
    }

    private static (int Events, int Straddling) Dispatch(ReadOnlySequence<byte> buffer, CallTrackerHarness harness, AmiFrameScratch scratch)
    {
        var events = 0;
        var straddling = 0;
        while (new AmiFrameReader(1024 * 1024).TryReadFrame(ref buffer, out var block))
        {
            straddling += block.IsSingleSegment ? 0 : 1;
            var frame = new AmiFrame(scratch.GetContiguous(block));
            events++;
            harness.Dispatcher.OnEvent(frame);
        }

        return (events, straddling);
    }

    private static ReadOnlySequence<byte> Segments(byte[] bytes, int size) =>
        AmiSequence.Create(bytes, [.. Enumerable.Range(1, (bytes.Length - 1) / size).Select(i => i * size)]);
}
