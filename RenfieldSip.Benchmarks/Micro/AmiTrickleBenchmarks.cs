using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using RenfieldSip.Monitor.Ami;

namespace RenfieldSip.Benchmarks.Micro;

/// <summary>
/// One large frame arriving one byte per read, framed as the transport does it: after every read the reader gets
/// the whole buffered part of the frame (nothing is consumed before the terminator). <c>Resuming</c> is the
/// monitor's reader, kept across reads; <c>Rescanning</c> starts a new reader on every read, i.e. searches the
/// frame from its start each time. Linear time: the per-frame cost of <c>Resuming</c> doubles with the size.
/// </summary>
public class AmiTrickleBenchmarks
{
    private byte[] _frame = [];

    [Params(16 * 1024, 32 * 1024, 64 * 1024)]
    public int FrameBytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // A UserEvent with many short lines, so every read ends on a CR or LF now and then, as real frames do.
        var text = new StringBuilder("Event: UserEvent\r\n");
        for (var i = 0; text.Length < FrameBytes - 4; i++)
        {
            text.Append("Key").Append(i % 10).Append(": v\r\n");
        }

        text.Length = FrameBytes - 4;
        text.Append("\r\n\r\n");
        _frame = Encoding.ASCII.GetBytes(text.ToString());
    }

    [Benchmark(Baseline = true)]
    public long Resuming()
    {
        var reader = new AmiFrameReader(FrameBytes);
        return Trickle(ref reader, fresh: false);
    }

    [Benchmark]
    public long Rescanning()
    {
        var reader = new AmiFrameReader(FrameBytes);
        return Trickle(ref reader, fresh: true);
    }

    private long Trickle(ref AmiFrameReader reader, bool fresh)
    {
        for (var available = 1; available <= _frame.Length; available++)
        {
            var buffer = new ReadOnlySequence<byte>(_frame, 0, available);
            if (fresh)
            {
                reader = new AmiFrameReader(FrameBytes);
            }

            if (reader.TryReadFrame(ref buffer, out var frame))
            {
                return frame.Length;
            }
        }

        throw new InvalidOperationException("the frame was never complete");
    }
}
