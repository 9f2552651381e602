using BenchmarkDotNet.Attributes;
using RenfieldSip.Monitor.Ami;

namespace RenfieldSip.Benchmarks.Micro;

/// <summary>
/// Framing and field lookup over the real captures, per event. The parser's target: zero bytes allocated per
/// event that is not part of an inbound call, and vectorized scans (Allocated must read "-" for every row here).
/// Bytes/s = events/s × the average event size printed at setup.
/// </summary>
[MemoryDiagnoser]
public class AmiFramingBenchmarks
{
    private CaptureCorpus _corpus = null!;

    [Params("call", "read-all")]
    public string Corpus { get; set; } = "read-all";

    [GlobalSetup]
    public void Setup()
    {
        _corpus = CaptureCorpus.Load(Corpus);
        Console.WriteLine($"// corpus {Corpus}: {CaptureCorpus.Events} events, {_corpus.AverageEventBytes:F0} bytes/event");
    }

    /// <summary>Only finds the blank lines: the same work as the load tool's raw reader.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = CaptureCorpus.Events)]
    public int ScanFrames()
    {
        ReadOnlySpan<byte> remaining = _corpus.Stream;
        var frames = 0;
        int end;
        while ((end = remaining.IndexOf("\r\n\r\n"u8)) >= 0)
        {
            frames++;
            remaining = remaining[(end + 4)..];
        }

        return frames;
    }

    /// <summary>Frame + classify by the first line, the whole cost of an event nobody wants.</summary>
    [Benchmark(OperationsPerInvoke = CaptureCorpus.Events)]
    public int ClassifyFrames()
    {
        var calls = 0;
        for (var i = 0; i < CaptureCorpus.Events; i++)
        {
            var frame = new AmiFrame(_corpus.Block(i));
            if (frame.Kind == AmiFrameKind.Event && frame.NameEquals("Newchannel"u8))
            {
                calls++;
            }
        }

        return calls;
    }

    /// <summary>The lookup every call event needs (Uniqueid sits mid-block, after 13 other fields).</summary>
    [Benchmark(OperationsPerInvoke = CaptureCorpus.Events)]
    public int LookupUniqueid()
    {
        var total = 0;
        for (var i = 0; i < CaptureCorpus.Events; i++)
        {
            if (new AmiFrame(_corpus.Block(i)).TryGetValue("Uniqueid"u8, out var uniqueid))
            {
                total += uniqueid.Length;
            }
        }

        return total;
    }

    /// <summary>Every field of every event: the upper bound of what a parser that splits everything pays.</summary>
    [Benchmark(OperationsPerInvoke = CaptureCorpus.Events)]
    public int EnumerateAllFields()
    {
        var fields = 0;
        for (var i = 0; i < CaptureCorpus.Events; i++)
        {
            foreach (var field in new AmiFrame(_corpus.Block(i)).EnumerateFields())
            {
                fields += field.Key.Length > 0 ? 1 : 0;
            }
        }

        return fields;
    }
}
