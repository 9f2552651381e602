namespace RenfieldSip.Tests.Phonebooks.Formats;

/// <summary>
/// Hands out its text one char per read, so every line break, CRLF pair, fold and quoted-printable soft break falls
/// on a buffer boundary once.
/// </summary>
internal sealed class OneCharTextReader(string text) : TextReader
{
    private int _position;

    public override int Peek() => _position < text.Length ? text[_position] : -1;

    public override int Read() => _position < text.Length ? text[_position++] : -1;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (_position == text.Length || buffer.IsEmpty)
        {
            return 0;
        }

        buffer[0] = text[_position++];
        return 1;
    }
}
