namespace RenfieldSip.Monitor.Phonebooks.Formats;

/// <summary>
/// vCard text values: <c>\,</c> <c>\;</c> <c>\\</c> <c>\:</c> and <c>\n</c>/<c>\N</c> unescaped, separators that are
/// not escaped found. One rule for every version: vCard 2.1 only escapes <c>\;</c>, and an unknown escape keeps its
/// backslash, so a 2.1 name with a literal backslash survives.
/// </summary>
internal static class VCardText
{
    /// <summary>The first <paramref name="separator"/> not escaped by a backslash; -1 when there is none.</summary>
    public static int IndexOfUnescaped(ReadOnlySpan<char> text, char separator)
    {
        var offset = 0;
        while (true)
        {
            var found = text[offset..].IndexOfAny(separator, '\\');
            if (found < 0)
            {
                return -1;
            }

            if (text[offset + found] == separator)
            {
                return offset + found;
            }

            offset += found + 2;
            if (offset >= text.Length)
            {
                return -1;
            }
        }
    }

    /// <summary>The still escaped component <paramref name="index"/> of a <c>;</c>-separated value; empty when missing.</summary>
    public static ReadOnlySpan<char> Component(ReadOnlySpan<char> text, int index)
    {
        for (var i = 0; i < index; i++)
        {
            var separator = IndexOfUnescaped(text, ';');
            if (separator < 0)
            {
                return default;
            }

            text = text[(separator + 1)..];
        }

        var end = IndexOfUnescaped(text, ';');
        return end < 0 ? text : text[..end];
    }

    /// <summary>Unescaped and trimmed; null when nothing is left.</summary>
    public static string? Unescape(ReadOnlySpan<char> raw, CharBuffer scratch)
    {
        raw = raw.Trim();
        if (raw.IndexOf('\\') < 0)
        {
            return raw.IsEmpty ? null : raw.ToString();
        }

        scratch.Clear();
        AppendUnescaped(raw, scratch);
        var text = scratch.Span.Trim();
        return text.IsEmpty ? null : text.ToString();
    }

    /// <summary>Every non-empty item of a <paramref name="separator"/>-separated list, unescaped and trimmed.</summary>
    public static void AddItems(ReadOnlySpan<char> raw, char separator, List<string> items, CharBuffer scratch)
    {
        while (true)
        {
            var end = IndexOfUnescaped(raw, separator);
            if (Unescape(end < 0 ? raw : raw[..end], scratch) is { } item)
            {
                items.Add(item);
            }

            if (end < 0)
            {
                return;
            }

            raw = raw[(end + 1)..];
        }
    }

    /// <summary>Appends each non-empty item of a comma-separated list, unescaped and trimmed, after a space.</summary>
    public static void AppendWords(ReadOnlySpan<char> raw, CharBuffer into)
    {
        while (true)
        {
            var end = IndexOfUnescaped(raw, ',');
            var item = (end < 0 ? raw : raw[..end]).Trim();
            if (!item.IsEmpty)
            {
                if (into.Length > 0)
                {
                    into.Append(' ');
                }

                AppendUnescaped(item, into);
            }

            if (end < 0)
            {
                return;
            }

            raw = raw[(end + 1)..];
        }
    }

    private static void AppendUnescaped(ReadOnlySpan<char> raw, CharBuffer into)
    {
        while (true)
        {
            var backslash = raw.IndexOf('\\');
            if (backslash < 0 || backslash == raw.Length - 1)
            {
                into.Append(raw);
                return;
            }

            into.Append(raw[..backslash]);
            var escaped = raw[backslash + 1];
            if (escaped is 'n' or 'N')
            {
                into.Append('\n');
            }
            else if (escaped is ',' or ';' or ':' or '\\')
            {
                into.Append(escaped);
            }
            else
            {
                into.Append(raw.Slice(backslash, 2));
            }

            raw = raw[(backslash + 2)..];
        }
    }
}
