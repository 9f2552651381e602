using System.Buffers;
using System.Text;

namespace RenfieldSip.Monitor.Ami;

/// <summary>
/// Pure AMI framing: no I/O, no allocation for a frame that lies in one segment. Both methods consume nothing
/// until a complete unit is buffered, so the transport loop can call them after every read.
/// </summary>
internal static class AmiFrameReader
{
    private static ReadOnlySpan<byte> Terminator => "\r\n\r\n"u8;

    private static ReadOnlySpan<byte> NewLine => "\r\n"u8;

    /// <summary>Reads the one-line banner (<c>Asterisk Call Manager/9.0.0\r\n</c>); no blank line follows it.</summary>
    public static bool TryReadBanner(ref ReadOnlySequence<byte> buffer, int maxBytes, out string banner)
    {
        var reader = new SequenceReader<byte>(buffer);
        if (!reader.TryReadTo(out ReadOnlySequence<byte> line, (byte)'\n', advancePastDelimiter: true))
        {
            ThrowIfOverLimit(buffer.Length, maxBytes, "banner line");
            banner = string.Empty;
            return false;
        }

        ThrowIfOverLimit(line.Length, maxBytes, "banner line");
        if (line.Length > 0 && line.Slice(line.Length - 1).FirstSpan[0] == (byte)'\r')
        {
            line = line.Slice(0, line.Length - 1);
        }

        banner = Encoding.UTF8.GetString(line);
        buffer = buffer.Slice(reader.Position);
        return true;
    }

    /// <summary>
    /// Reads one block ending at <c>\r\n\r\n</c>. <paramref name="frame"/> excludes the terminator and any empty
    /// lines before the block. Throws <see cref="AmiProtocolException"/> once more than
    /// <paramref name="maxFrameBytes"/> are buffered without a terminator, so a peer that never sends one (a bare-LF
    /// stream, a 10 MB line) cannot grow memory without bound.
    /// </summary>
    public static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, int maxFrameBytes, out ReadOnlySequence<byte> frame)
    {
        SkipEmptyLines(ref buffer);

        // A fast stream leaves the pipe with several segments almost always, yet nearly every frame still lies
        // inside the first one: search that span first. The multi-segment reader walks line by line (it stops at
        // every CR), which cost 8x the framing of a contiguous span; it now runs only for the one frame that
        // straddles a segment end.
        var span = buffer.FirstSpan;
        var end = span.IndexOf(Terminator);
        if (end >= 0)
        {
            ThrowIfOverLimit(end + Terminator.Length, maxFrameBytes, "message");
            frame = buffer.Slice(0, end);
            buffer = buffer.Slice(end + Terminator.Length);
            return true;
        }

        if (buffer.IsSingleSegment)
        {
            ThrowIfOverLimit(span.Length, maxFrameBytes, "message");
            frame = default;
            return false;
        }

        return TryReadFrameMultiSegment(ref buffer, maxFrameBytes, out frame);
    }

    private static bool TryReadFrameMultiSegment(ref ReadOnlySequence<byte> buffer, int maxFrameBytes, out ReadOnlySequence<byte> frame)
    {
        var reader = new SequenceReader<byte>(buffer);
        if (!reader.TryReadTo(out frame, Terminator, advancePastDelimiter: true))
        {
            ThrowIfOverLimit(buffer.Length, maxFrameBytes, "message");
            frame = default;
            return false;
        }

        ThrowIfOverLimit(frame.Length + Terminator.Length, maxFrameBytes, "message");
        buffer = buffer.Slice(reader.Position);
        return true;
    }

    // Asterisk never sends them, but a blank line between blocks is harmless and must not become an empty frame.
    private static void SkipEmptyLines(ref ReadOnlySequence<byte> buffer)
    {
        var first = buffer.FirstSpan;
        if (first.Length > 0 && first[0] != (byte)'\r')
        {
            return;
        }

        var reader = new SequenceReader<byte>(buffer);
        var skipped = false;
        while (reader.IsNext(NewLine, advancePast: true))
        {
            skipped = true;
        }

        if (skipped)
        {
            buffer = buffer.Slice(reader.Position);
        }
    }

    private static void ThrowIfOverLimit(long length, int maxBytes, string what)
    {
        if (length > maxBytes)
        {
            throw new AmiProtocolException(
                $"AMI {what} exceeds {maxBytes} bytes without a terminating empty line (Ami:MaxMessageBytes); the peer does not speak AMI or the stream is corrupt.");
        }
    }
}
