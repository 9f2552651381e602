using System.Globalization;
using System.Text;

namespace RenfieldSip.Monitor.Notification;

/// <summary>
/// Last line of defence for text that goes into the toast and the speech: the identity layer already cleans it, but
/// a NUL or a lone surrogate would make Renfield fail with 500 (PostgreSQL) and a 10 kB name would break its 255-character
/// title limit. JSON escaping itself is the serializer's job.
/// </summary>
internal static class CallerText
{
    public const int MaxNameLength = 80;
    public const int MaxNumberLength = 32;

    /// <summary>Cleaned text, cut at a text-element boundary to at most <paramref name="maxLength"/> UTF-16 units; null if nothing is left.</summary>
    public static string? Clean(string? text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var cleaned = new StringBuilder(Math.Min(text.Length, maxLength * 2));
        var pendingSpace = false;
        foreach (var rune in EnumerateRunesReplacingInvalid(text))
        {
            if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune) || IsBidiControl(rune))
            {
                pendingSpace = cleaned.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                cleaned.Append(' ');
                pendingSpace = false;
            }

            cleaned.Append(rune.ToString());
            if (cleaned.Length > maxLength * 4)
            {
                break; // Enough to cut from; never walk a hostile megabyte.
            }
        }

        return cleaned.Length == 0 ? null : Truncate(cleaned.ToString(), maxLength);
    }

    private static string Truncate(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        // Leave room for the ellipsis and never split an emoji or a letter with its combining marks.
        var end = 0;
        while (end < text.Length)
        {
            var next = StringInfo.GetNextTextElementLength(text, end);
            if (end + next > maxLength - 1)
            {
                break;
            }

            end += next;
        }

        return string.Concat(text.AsSpan(0, end).TrimEnd(), "…");
    }

    private static IEnumerable<Rune> EnumerateRunesReplacingInvalid(string text)
    {
        var index = 0;
        while (index < text.Length)
        {
            var status = Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var consumed);
            yield return status == System.Buffers.OperationStatus.Done ? rune : Rune.ReplacementChar;
            index += Math.Max(consumed, 1);
        }
    }

    private static bool IsBidiControl(Rune rune) =>
        rune.Value is (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069) or 0x200E or 0x200F or 0x061C;
}
