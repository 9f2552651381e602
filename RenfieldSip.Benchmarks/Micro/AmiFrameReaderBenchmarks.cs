using System.Buffers;
using BenchmarkDotNet.Attributes;
using RenfieldSip.Monitor.Ami;

namespace RenfieldSip.Benchmarks.Micro;

/// <summary>
/// The transport's framing as the read loop runs it: <see cref="AmiFrameReader.TryReadFrame"/> on the pipe's
/// <see cref="ReadOnlySequence{T}"/>, the scratch copy for a frame that straddles segments, and the
/// <see cref="AmiFrame"/> view with its event-name check. Per event; bytes/s = events/s × the bytes/event
/// printed at setup. <c>SegmentBytes</c> 0 is one contiguous buffer; 65536 is the monitor's pipe segment size;
/// 4096 is a worst case with many frames across segment ends.
/// </summary>
[MemoryDiagnoser]
public class AmiFrameReaderBenchmarks
{
    private const int MaxFrameBytes = 1024 * 1024;

    private CaptureCorpus _corpus = null!;
    private ReadOnlySequence<byte> _sequence;
    private AmiFrameScratch _scratch = null!;

    [Params("call", "read-all")]
    public string Corpus { get; set; } = "read-all";

    [Params(0, 4096, 65536)]
    public int SegmentBytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _corpus = CaptureCorpus.Load(Corpus);
        _sequence = BufferSegment.Split(_corpus.Stream, SegmentBytes);
        _scratch = new AmiFrameScratch();
        Console.WriteLine($"// corpus {Corpus}: {CaptureCorpus.Events} events, {_corpus.AverageEventBytes:F0} bytes/event, segments of {SegmentBytes} bytes");
    }

    /// <summary>Frame, make contiguous, classify: the read loop's whole cost for an event nobody wants.</summary>
    [Benchmark(OperationsPerInvoke = CaptureCorpus.Events)]
    public int ReadFrames()
    {
        var buffer = _sequence;
        var events = 0;
        var reader = new AmiFrameReader(MaxFrameBytes);
        while (reader.TryReadFrame(ref buffer, out var block))
        {
            var frame = new AmiFrame(_scratch.GetContiguous(block));
            if (frame.Kind == AmiFrameKind.Event)
            {
                events++;
            }
        }

        return events;
    }
}
