using System.Buffers;
using System.Numerics;

namespace RenfieldSip.Monitor.Ami;

/// <summary>
/// Gives <see cref="AmiFrame"/> a contiguous span. A frame that straddles pipe segments is copied into one
/// reusable array per connection; it only grows (to the frame limit at most), so steady state allocates nothing.
/// </summary>
internal sealed class AmiFrameScratch
{
    private byte[] _buffer = [];

    public ReadOnlySpan<byte> GetContiguous(in ReadOnlySequence<byte> frame)
    {
        if (frame.IsSingleSegment)
        {
            return frame.FirstSpan;
        }

        var length = checked((int)frame.Length);
        if (_buffer.Length < length)
        {
            _buffer = new byte[Math.Max(256, (int)Math.Min(BitOperations.RoundUpToPowerOf2((uint)length), int.MaxValue))];
        }

        frame.CopyTo(_buffer);
        return _buffer.AsSpan(0, length);
    }
}
