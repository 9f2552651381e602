using RenfieldSip.Monitor.Ami;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Benchmarks.Micro;

/// <summary>
/// A fixed number of real event blocks, cycled from the captures and laid out back to back as on the socket, so
/// every micro benchmark reports per event (OperationsPerInvoke = <see cref="Events"/>) on the same bytes.
/// </summary>
internal sealed class CaptureCorpus
{
    public const int Events = 1_000;

    private CaptureCorpus(byte[] stream, int[] starts, int[] lengths)
    {
        Stream = stream;
        Starts = starts;
        Lengths = lengths;
    }

    /// <summary>All blocks concatenated, each with its closing blank line.</summary>
    public byte[] Stream { get; }

    public int[] Starts { get; }

    /// <summary>Block lengths without the closing blank line (what a frame reader hands on).</summary>
    public int[] Lengths { get; }

    public double AverageEventBytes => (double)Stream.Length / Events;

    /// <param name="corpus"><c>call</c>: what the read=call monitor user receives; <c>read-all</c>: a read=all firehose.</param>
    public static CaptureCorpus Load(string corpus)
    {
        var pattern = corpus == "read-all" ? "*.read-all.ami" : "*.ami";
        var blocks = AmiCapture.Names(pattern)
            .Where(name => corpus == "read-all" || !name.Contains(".read-all", StringComparison.Ordinal))
            .SelectMany(name => AmiCapture.Load(name).Frames)
            .Where(block => new AmiFrame(block).Kind == AmiFrameKind.Event)
            .ToArray();

        var stream = new List<byte>();
        var starts = new int[Events];
        var lengths = new int[Events];
        for (var i = 0; i < Events; i++)
        {
            var block = blocks[i % blocks.Length];
            starts[i] = stream.Count;
            lengths[i] = block.Length - 2;
            stream.AddRange(block);
        }

        return new CaptureCorpus([.. stream], starts, lengths);
    }

    public ReadOnlySpan<byte> Block(int i) => Stream.AsSpan(Starts[i], Lengths[i]);
}
