namespace RenfieldSip.Monitor.Phonebooks.Formats;

/// <summary>
/// Logical vCard lines: a line break followed by one space or tab continues the line (RFC 6350 3.2); a
/// quoted-printable value ending in a bare <c>=</c> (a vCard 2.1 soft line break) continues onto the next physical
/// line whatever that starts with. A base64 value's continuations are read and dropped: a photo costs a scan, not a copy.
/// </summary>
internal sealed class VCardUnfolder(TextLineReader lines)
{
    private readonly CharBuffer _line = new();

    /// <summary>The current logical line; valid until the next <see cref="MoveNext"/>.</summary>
    public ReadOnlySpan<char> Current => _line.Span;

    /// <summary>1-based number of the physical line the current logical line starts on.</summary>
    public int LineNumber { get; private set; }

    public bool MoveNext()
    {
        _line.Clear();
        if (!lines.TryReadLine(_line))
        {
            return false;
        }

        LineNumber = lines.LineNumber;
        VCardEncoding? encoding = null;
        while (true)
        {
            if (encoding is null && VCardProperty.TryParse(_line.Span, out var property))
            {
                encoding = property.Encoding;
            }

            if (encoding == VCardEncoding.QuotedPrintable && _line.Span.EndsWith('='))
            {
                _line.RemoveLast();
                if (!lines.TryReadLine(_line))
                {
                    return true;
                }

                continue;
            }

            if (!lines.TryReadContinuation(encoding == VCardEncoding.Base64 ? null : _line))
            {
                return true;
            }
        }
    }
}
