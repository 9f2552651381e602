using System.Text;
using System.Text.Unicode;

namespace RenfieldSip.Monitor.Phonebooks.Formats;

/// <summary>
/// The charsets vCard exports name for quoted-printable bytes, decoded without <c>CodePagesEncodingProvider</c>
/// (trimmed away under NativeAOT): UTF-8, Latin-1 read as windows-1252 (as browsers do: 0x80–0x9F are unused C1
/// controls in Latin-1 and typographic marks in what old Windows exporters really wrote), windows-1252 and
/// ISO-8859-15. Bytes without a CHARSET (or labelled ASCII) are UTF-8 when valid, windows-1252 otherwise, because
/// that is what old phones wrote whatever they declared.
/// </summary>
internal static class LegacyCharset
{
    // windows-1252 0x80–0x9F; the five undefined bytes keep their C1 code point, as the WHATWG table does.
    private const string Windows1252High =
        "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F"
        + "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

    private enum Kind
    {
        Unlabelled,
        Utf8,
        Windows1252,
        Latin9,
    }

    /// <summary>Appends <paramref name="bytes"/> decoded as <paramref name="charset"/>; an unknown charset is a
    /// <see cref="PhonebookFormatException"/> at <paramref name="line"/>, since guessing would speak a garbled name.</summary>
    public static void Decode(ReadOnlySpan<byte> bytes, ReadOnlySpan<char> charset, CharBuffer into, int line)
    {
        switch (Resolve(charset, line))
        {
            case Kind.Utf8:
                into.Advance(Encoding.UTF8.GetChars(bytes, into.GetSpan(bytes.Length)));
                break;
            case Kind.Unlabelled when Utf8.IsValid(bytes):
                into.Advance(Encoding.UTF8.GetChars(bytes, into.GetSpan(bytes.Length)));
                break;
            case Kind.Latin9:
                DecodeSingleByte(bytes, into, latin9: true);
                break;
            default:
                DecodeSingleByte(bytes, into, latin9: false);
                break;
        }
    }

    private static void DecodeSingleByte(ReadOnlySpan<byte> bytes, CharBuffer into, bool latin9)
    {
        var chars = into.GetSpan(bytes.Length);
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            chars[i] = latin9 ? Latin9(b) : b is >= 0x80 and <= 0x9F ? Windows1252High[b - 0x80] : (char)b;
        }

        into.Advance(bytes.Length);
    }

    // ISO-8859-15 is Latin-1 with eight code points replaced (the euro sign and French/Finnish letters).
    private static char Latin9(byte b) => b switch
    {
        0xA4 => '\u20AC',
        0xA6 => '\u0160',
        0xA8 => '\u0161',
        0xB4 => '\u017D',
        0xB8 => '\u017E',
        0xBC => '\u0152',
        0xBD => '\u0153',
        0xBE => '\u0178',
        _ => (char)b,
    };

    private static Kind Resolve(ReadOnlySpan<char> charset, int line)
    {
        if (charset.IsEmpty || IsAny(charset, "US-ASCII", "ASCII"))
        {
            return Kind.Unlabelled;
        }

        if (IsAny(charset, "UTF-8", "UTF8"))
        {
            return Kind.Utf8;
        }

        if (IsAny(charset, "ISO-8859-1", "ISO8859-1", "ISO_8859-1", "LATIN1", "L1", "WINDOWS-1252", "CP1252", "CP-1252"))
        {
            return Kind.Windows1252;
        }

        if (IsAny(charset, "ISO-8859-15", "ISO8859-15", "ISO_8859-15", "LATIN9", "LATIN-9"))
        {
            return Kind.Latin9;
        }

        throw new PhonebookFormatException(line, $"unsupported CHARSET {Describe(charset)} (supported: UTF-8, ISO-8859-1, windows-1252, ISO-8859-15)");
    }

    private static bool IsAny(ReadOnlySpan<char> charset, params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (charset.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // A charset name is worth showing; anything that does not look like one stays out of the message.
    private static string Describe(ReadOnlySpan<char> charset) =>
        charset.Length <= 40 && !charset.ContainsAnyExcept(AllowedInName) ? $"'{charset}'" : "(not a charset name)";

    private static readonly System.Buffers.SearchValues<char> AllowedInName =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:");
}
