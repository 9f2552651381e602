namespace RenfieldSip.Monitor.Phonebooks.Formats;

/// <summary>
/// Physical lines ended by CRLF, LF or a bare CR, read in blocks so a line costs no allocation. Every char read is
/// charged to a budget that the caller sets per card: a file without line breaks, or one endless card, stops at the
/// cap instead of filling memory.
/// </summary>
internal sealed class TextLineReader(TextReader reader)
{
    private readonly char[] _block = new char[16 * 1024];
    private int _start;
    private int _end;
    private bool _endOfText;
    private bool _started;
    private long _budget = long.MaxValue;
    private int _budgetLine;
    private string _budgetReason = string.Empty;

    /// <summary>1-based number of the line read last.</summary>
    public int LineNumber { get; private set; }

    /// <summary>From here on at most <paramref name="maxChars"/> chars (line breaks included) are read before a
    /// <see cref="PhonebookFormatException"/> at <paramref name="line"/> with <paramref name="reason"/>.</summary>
    public void Limit(long maxChars, int line, string reason)
    {
        _budget = maxChars;
        _budgetLine = line;
        _budgetReason = reason;
    }

    /// <summary>Appends the next line's text to <paramref name="destination"/> (or only reads it when null); false at the end of the text.</summary>
    public bool TryReadLine(CharBuffer? destination)
    {
        if (!EnsureData())
        {
            return false;
        }

        ReadRestOfLine(destination);
        return true;
    }

    /// <summary>
    /// When the next line starts with a space or tab (a folded continuation), reads it without that one blank as
    /// <see cref="TryReadLine"/> does; otherwise reads nothing.
    /// </summary>
    public bool TryReadContinuation(CharBuffer? destination)
    {
        if (!EnsureData() || _block[_start] is not (' ' or '\t'))
        {
            return false;
        }

        _start++;
        Charge(1);
        ReadRestOfLine(destination);
        return true;
    }

    private void ReadRestOfLine(CharBuffer? destination)
    {
        LineNumber++;
        while (EnsureData())
        {
            var available = _block.AsSpan(_start, _end - _start);
            var breakAt = available.IndexOfAny('\r', '\n');
            var text = breakAt < 0 ? available : available[..breakAt];
            Charge(text.Length);
            destination?.Append(text);
            _start += text.Length;
            if (breakAt >= 0)
            {
                var lineBreak = _block[_start++];
                Charge(1);
                if (lineBreak == '\r' && EnsureData() && _block[_start] == '\n')
                {
                    _start++;
                }

                return;
            }
        }
    }

    private bool EnsureData()
    {
        if (_start < _end)
        {
            return true;
        }

        if (_endOfText)
        {
            return false;
        }

        _start = 0;
        _end = reader.Read(_block);
        if (!_started && _end > 0)
        {
            // A StreamReader removes a byte order mark; text handed over as a string may still carry it.
            _started = true;
            if (_block[0] == '\uFEFF')
            {
                _start = 1;
            }
        }

        _endOfText = _end == 0;
        return _start < _end || (!_endOfText && EnsureData());
    }

    private void Charge(int chars)
    {
        _budget -= chars;
        if (_budget < 0)
        {
            throw new PhonebookFormatException(_budgetLine, _budgetReason);
        }
    }
}
