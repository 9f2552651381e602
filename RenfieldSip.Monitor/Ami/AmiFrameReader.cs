using System.Buffers;
using System.Text;

namespace RenfieldSip.Monitor.Ami;

/// <summary>
/// Pure AMI framing: no I/O, no allocation for a frame that lies in one segment, and nothing consumed until a
/// complete unit is buffered, so the transport loop calls it after every read. One reader per connection: it
/// remembers how far it searched the frame still being received, so a frame that trickles in is scanned once,
/// not once per read. Between two calls that returned false the buffer must start where it started before (the
/// transport consumes nothing until a frame is complete).
/// </summary>
internal struct AmiFrameReader(int maxFrameBytes)
{
    private long _scanned;

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
    /// lines before the block. Throws <see cref="AmiProtocolException"/> once more than the frame limit is buffered
    /// without a terminator, so a peer that never sends one (a bare-LF stream, a 10 MB line) cannot grow memory
    /// without bound.
    /// </summary>
    public bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame)
    {
        if (SkipEmptyLines(ref buffer))
        {
            _scanned = 0;
        }

        // The last bytes searched may be the start of a terminator that the next read completes.
        var resumeAt = _scanned <= buffer.Length ? Math.Max(0, _scanned - (Terminator.Length - 1)) : 0;
        var end = IndexOfTerminator(buffer, resumeAt);
        if (end < 0)
        {
            ThrowIfOverLimit(buffer.Length, maxFrameBytes, "message");
            _scanned = buffer.Length;
            frame = default;
            return false;
        }

        ThrowIfOverLimit(end + Terminator.Length, maxFrameBytes, "message");
        _scanned = 0;
        frame = buffer.Slice(0, end);
        buffer = buffer.Slice(end + Terminator.Length);
        return true;
    }

    // Nearly every frame lies inside the first segment even when the pipe holds several: that span is searched
    // first, and the sequence reader (which stops at every CR) runs only for a frame that straddles a segment end.
    private static long IndexOfTerminator(in ReadOnlySequence<byte> buffer, long start)
    {
        var first = buffer.FirstSpan;
        if (start < first.Length)
        {
            var index = first[(int)start..].IndexOf(Terminator);
            if (index >= 0)
            {
                return start + index;
            }

            if (buffer.IsSingleSegment)
            {
                return -1;
            }

            start = Math.Max(start, first.Length - (Terminator.Length - 1));
        }

        var reader = new SequenceReader<byte>(buffer.Slice(start));
        return reader.TryReadTo(out ReadOnlySequence<byte> before, Terminator, advancePastDelimiter: false) ? start + before.Length : -1;
    }

    // Asterisk never sends them, but a blank line between blocks is harmless and must not become an empty frame.
    private static bool SkipEmptyLines(ref ReadOnlySequence<byte> buffer)
    {
        var first = buffer.FirstSpan;
        if (first.Length > 0 && first[0] != (byte)'\r')
        {
            return false;
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

        return skipped;
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
