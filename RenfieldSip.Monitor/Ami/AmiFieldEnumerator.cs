namespace RenfieldSip.Monitor.Ami;

/// <summary>
/// Walks the <c>Key: value</c> lines of a block. A line without a colon is a key with an empty value;
/// one space after the colon is part of the separator (<c>AccountCode: </c> has an empty value).
/// </summary>
internal ref struct AmiFieldEnumerator
{
    private ReadOnlySpan<byte> _remaining;

    public AmiFieldEnumerator(ReadOnlySpan<byte> block)
    {
        _remaining = block;
        Current = default;
    }

    public AmiField Current { get; private set; }

    public readonly AmiFieldEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        while (!_remaining.IsEmpty)
        {
            ReadOnlySpan<byte> line;
            var end = _remaining.IndexOf((byte)'\n');
            if (end < 0)
            {
                line = _remaining;
                _remaining = default;
            }
            else
            {
                line = _remaining[..end];
                _remaining = _remaining[(end + 1)..];
            }

            if (!line.IsEmpty && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            if (line.IsEmpty)
            {
                continue;
            }

            var colon = line.IndexOf((byte)':');
            if (colon < 0)
            {
                Current = new AmiField(line, default);
                return true;
            }

            var value = line[(colon + 1)..];
            if (!value.IsEmpty && value[0] == (byte)' ')
            {
                value = value[1..];
            }

            Current = new AmiField(line[..colon], value);
            return true;
        }

        return false;
    }
}
