using System.Buffers;

namespace RenfieldSip.Monitor.Phonebooks.Formats;

/// <summary>
/// Quoted-printable values (RFC 2045 6.7) with their soft line breaks already joined. Runs of <c>=XX</c> bytes go
/// through the declared charset; characters written literally were already decoded by the text reader and are kept
/// as they are, so a sloppy exporter that leaves "ü" unencoded still reads right.
/// </summary>
internal static class QuotedPrintable
{
    public static void Decode(ReadOnlySpan<char> value, ReadOnlySpan<char> charset, CharBuffer into, int line)
    {
        // Every byte takes three chars, so this holds them all: a UTF-8 sequence is never cut between two flushes.
        var maxBytes = value.Length / 3;
        byte[]? rented = null;
        var bytes = maxBytes <= 256 ? stackalloc byte[256] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            DecodeInto(value, bytes, charset, into, line);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static void DecodeInto(ReadOnlySpan<char> value, Span<byte> bytes, ReadOnlySpan<char> charset, CharBuffer into, int line)
    {
        var count = 0;
        var position = 0;
        while (position < value.Length)
        {
            var c = value[position];
            if (c != '=')
            {
                Flush(bytes, ref count, charset, into, line);
                var literal = value[position..].IndexOf('=');
                var run = literal < 0 ? value[position..] : value.Slice(position, literal);
                into.Append(run);
                position += run.Length;
                continue;
            }

            if (position + 2 >= value.Length
                || !TryHex(value[position + 1], out var high) || !TryHex(value[position + 2], out var low))
            {
                throw new PhonebookFormatException(line, "undecodable quoted-printable sequence");
            }

            bytes[count++] = (byte)((high << 4) | low);
            position += 3;
        }

        Flush(bytes, ref count, charset, into, line);
    }

    private static void Flush(Span<byte> bytes, ref int count, ReadOnlySpan<char> charset, CharBuffer into, int line)
    {
        if (count > 0)
        {
            LegacyCharset.Decode(bytes[..count], charset, into, line);
            count = 0;
        }
    }

    private static bool TryHex(char c, out int value)
    {
        value = c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'A' and <= 'F' => c - 'A' + 10,
            >= 'a' and <= 'f' => c - 'a' + 10,
            _ => -1,
        };
        return value >= 0;
    }
}
