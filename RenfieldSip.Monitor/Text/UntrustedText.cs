using System.Buffers;
using System.Globalization;
using System.Text;

namespace RenfieldSip.Monitor.Text;

/// <summary>
/// Caller id name and number are written by whoever places the call; this makes them safe to show, speak and log
/// by length and by character, whatever arrives.
/// </summary>
internal static class UntrustedText
{
    public const int MaxNameLength = 64;
    public const int MaxNumberDigits = 32;
    private const string Ellipsis = "…";

    /// <summary>Control characters removed, whitespace collapsed, trimmed, at most 64 chars; empty when nothing is left.</summary>
    public static string SanitizeName(string? raw) => Clean(raw, MaxNameLength) ?? string.Empty;

    /// <summary>
    /// Any caller-controlled or remote text made safe to show, speak and log: no control, format or unassigned
    /// characters, whitespace collapsed, cut on a text-element boundary to <paramref name="maxLength"/> UTF-16 units
    /// (ellipsis included); null when nothing is left.
    /// </summary>
    public static string? Clean(string? raw, int maxLength)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        // Enough text elements survive for the cut below; scanning stops here so a megabyte of text costs nothing.
        var scanBudget = maxLength * 8;
        var builder = new StringBuilder(Math.Min(raw.Length, scanBudget));
        var pendingSpace = false;
        foreach (var rune in raw.EnumerateRunes())
        {
            if (builder.Length >= scanBudget)
            {
                break;
            }

            if (Rune.IsWhiteSpace(rune))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (!IsShowable(rune))
            {
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(rune.ToString());
        }

        return builder.Length == 0 ? null : Truncate(builder.ToString(), maxLength);
    }

    /// <summary>Only ASCII digits and a leading <c>+</c>, at most 32 digits; null when there is no digit.</summary>
    public static string? CleanNumber(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        var span = raw.AsSpan().TrimStart();
        Span<char> buffer = stackalloc char[MaxNumberDigits + 1];
        var length = 0;
        if (span.StartsWith('+'))
        {
            buffer[length++] = '+';
        }

        var digits = 0;
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                continue;
            }

            buffer[length++] = c;
            if (++digits == MaxNumberDigits)
            {
                break;
            }
        }

        return digits == 0 ? null : new string(buffer[..length]);
    }

    private static bool IsShowable(Rune rune)
    {
        // Zero-width joiner is a format character, but emoji sequences need it.
        if (rune.Value == 0x200D)
        {
            return true;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse => false,
            _ => rune != Rune.ReplacementChar,
        };
    }

    private static string Truncate(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        // Cut between text elements so an emoji or an accented letter is never split in half.
        var budget = maxLength - 1;
        var end = 0;
        while (end < text.Length)
        {
            var next = StringInfo.GetNextTextElementLength(text, end);
            if (end + next > budget)
            {
                break;
            }

            end += next;
        }

        if (end == 0)
        {
            // One text element longer than the whole budget (stacked combining marks): cut between runes instead.
            while (end < text.Length && Rune.DecodeFromUtf16(text.AsSpan(end), out _, out var consumed) == OperationStatus.Done
                && end + consumed <= budget)
            {
                end += consumed;
            }
        }

        return string.Concat(text.AsSpan(0, end).TrimEnd(), Ellipsis);
    }
}
