namespace RenfieldSip.Monitor.Phonebooks.Formats;

/// <summary>
/// A reusable, growing run of chars: one per reader keeps a whole file's lines and decoded values free of
/// per-line allocations. Its size is bounded by whoever fills it (the card cap), not here.
/// </summary>
internal sealed class CharBuffer
{
    private char[] _chars = new char[256];

    public int Length { get; private set; }

    public ReadOnlySpan<char> Span => _chars.AsSpan(0, Length);

    public void Clear() => Length = 0;

    public void Append(char c)
    {
        if (Length == _chars.Length)
        {
            Grow(1);
        }

        _chars[Length++] = c;
    }

    public void Append(ReadOnlySpan<char> chars)
    {
        if (chars.Length > _chars.Length - Length)
        {
            Grow(chars.Length);
        }

        chars.CopyTo(_chars.AsSpan(Length));
        Length += chars.Length;
    }

    /// <summary>Room for at least <paramref name="count"/> chars at the end; <see cref="Advance"/> claims what was written.</summary>
    public Span<char> GetSpan(int count)
    {
        if (count > _chars.Length - Length)
        {
            Grow(count);
        }

        return _chars.AsSpan(Length);
    }

    public void Advance(int count) => Length += count;

    public void RemoveLast() => Length--;

    private void Grow(int needed) => Array.Resize(ref _chars, Math.Max(_chars.Length * 2, Length + needed));
}
