using System.Buffers;

namespace RenfieldSip.Tests.Support;

/// <summary>Builds multi-segment sequences, the shape a PipeReader hands the frame reader when data arrives in pieces.</summary>
internal static class AmiSequence
{
    /// <summary>Splits <paramref name="data"/> at the given offsets (each segment its own array).</summary>
    public static ReadOnlySequence<byte> Create(ReadOnlySpan<byte> data, IEnumerable<int> splitPoints)
    {
        var length = data.Length;
        var cuts = splitPoints.Where(point => point > 0 && point < length).Distinct().Order().ToList();
        cuts.Add(data.Length);
        Segment? first = null;
        Segment? last = null;
        var start = 0;
        foreach (var cut in cuts)
        {
            var segment = new Segment(data[start..cut].ToArray());
            if (first is null)
            {
                first = segment;
            }
            else
            {
                last!.Append(segment);
            }

            last = segment;
            start = cut;
        }

        return first is null ? ReadOnlySequence<byte>.Empty : new ReadOnlySequence<byte>(first, 0, last!, last!.Memory.Length);
    }

    public static ReadOnlySequence<byte> OneBytePerSegment(ReadOnlySpan<byte> data) =>
        Create(data, Enumerable.Range(1, Math.Max(0, data.Length - 1)));

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(byte[] data) => Memory = data;

        public void Append(Segment next)
        {
            next.RunningIndex = RunningIndex + Memory.Length;
            Next = next;
        }
    }
}
