using System.Buffers;
using System.Buffers.Text;

namespace RenfieldSip.Benchmarks.Load;

/// <summary>
/// Real event blocks with fixed-width placeholders for the per-call fields. Writing a call is one copy plus a
/// few digit patches, so the generator renders at memory speed and never becomes the bottleneck it measures.
/// </summary>
internal sealed class CallTemplatePart
{
    public const string UniqueidPlaceholder = "UUUUUUU";
    public const string ChannelPlaceholder = "HHHHHHHH";
    public const string NumberPlaceholder = "NNNNNNN";

    private readonly byte[] _bytes;
    private readonly int[] _uniqueidOffsets;
    private readonly int[] _channelOffsets;
    private readonly int[] _numberOffsets;

    public CallTemplatePart(byte[] bytes, int events)
    {
        _bytes = bytes;
        Events = events;
        _uniqueidOffsets = OffsetsOf(bytes, UniqueidPlaceholder);
        _channelOffsets = OffsetsOf(bytes, ChannelPlaceholder);
        _numberOffsets = OffsetsOf(bytes, NumberPlaceholder);
        if (_uniqueidOffsets.Length == 0 || _channelOffsets.Length == 0 || _numberOffsets.Length == 0)
        {
            throw new InvalidDataException("The call template lost a placeholder: the capture no longer matches the expected call.");
        }
    }

    public int Length => _bytes.Length;

    public int Events { get; }

    public void Write(Span<byte> destination, int call)
    {
        _bytes.CopyTo(destination);
        foreach (var offset in _uniqueidOffsets)
        {
            Patch(destination.Slice(offset, UniqueidPlaceholder.Length), (uint)(1_000_000 + call), default);
        }

        foreach (var offset in _channelOffsets)
        {
            // Asterisk numbers channels with eight lower-case hex digits (PJSIP/…-00000001).
            Patch(destination.Slice(offset, ChannelPlaceholder.Length), (uint)(call + 1), new StandardFormat('x', 8));
        }

        foreach (var offset in _numberOffsets)
        {
            Patch(destination.Slice(offset, NumberPlaceholder.Length), (uint)CallerNumbers.Subscriber(call), default);
        }
    }

    private static void Patch(Span<byte> field, uint value, StandardFormat format)
    {
        if (!Utf8Formatter.TryFormat(value, field, out var written, format) || written != field.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "The value does not fit its fixed-width field.");
        }
    }

    private static int[] OffsetsOf(byte[] bytes, string placeholder)
    {
        var needle = System.Text.Encoding.ASCII.GetBytes(placeholder);
        var offsets = new List<int>();
        var start = 0;
        int found;
        while ((found = bytes.AsSpan(start).IndexOf(needle)) >= 0)
        {
            offsets.Add(start + found);
            start += found + needle.Length;
        }

        return [.. offsets];
    }
}
