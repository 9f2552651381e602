using System.Buffers;

namespace RenfieldSip.Benchmarks.Micro;

/// <summary>One link of a hand-built <see cref="ReadOnlySequence{T}"/>, like a pipe segment.</summary>
internal sealed class BufferSegment : ReadOnlySequenceSegment<byte>
{
    public BufferSegment(ReadOnlyMemory<byte> memory, long runningIndex)
    {
        Memory = memory;
        RunningIndex = runningIndex;
    }

    public BufferSegment Append(ReadOnlyMemory<byte> memory)
    {
        var next = new BufferSegment(memory, RunningIndex + Memory.Length);
        Next = next;
        return next;
    }

    /// <summary>
    /// The bytes cut into <paramref name="segmentBytes"/>-sized segments (0 = one segment), the way a
    /// <c>PipeReader</c> hands a fast stream to its reader: frames straddle segment ends wherever they fall.
    /// </summary>
    public static ReadOnlySequence<byte> Split(byte[] bytes, int segmentBytes)
    {
        if (segmentBytes <= 0 || segmentBytes >= bytes.Length)
        {
            return new ReadOnlySequence<byte>(bytes);
        }

        var first = new BufferSegment(bytes.AsMemory(0, segmentBytes), 0);
        var last = first;
        for (var offset = segmentBytes; offset < bytes.Length; offset += segmentBytes)
        {
            last = last.Append(bytes.AsMemory(offset, Math.Min(segmentBytes, bytes.Length - offset)));
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }
}
