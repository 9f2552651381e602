using System.Text;

namespace RenfieldSip.Monitor.Ami;

/// <summary>
/// A view over one complete AMI block (<c>Key: value</c> lines joined by CRLF, without the closing blank
/// line). Nothing is copied or decoded until a caller asks for a string, so uninteresting events cost nothing.
/// </summary>
internal readonly ref struct AmiFrame
{
    private static ReadOnlySpan<byte> EventKey => "Event"u8;
    private static ReadOnlySpan<byte> ResponseKey => "Response"u8;

    private readonly ReadOnlySpan<byte> _block;

    public AmiFrame(ReadOnlySpan<byte> block)
    {
        _block = block;
        var enumerator = new AmiFieldEnumerator(block);
        if (enumerator.MoveNext())
        {
            var first = enumerator.Current;
            Name = first.Value;
            Kind = Ascii.EqualsIgnoreCase(first.Key, EventKey) ? AmiFrameKind.Event
                : Ascii.EqualsIgnoreCase(first.Key, ResponseKey) ? AmiFrameKind.Response
                : AmiFrameKind.Other;
        }
        else
        {
            Kind = AmiFrameKind.Other;
        }
    }

    public AmiFrameKind Kind { get; }

    /// <summary>The value of the first line: the event name or the response status.</summary>
    public ReadOnlySpan<byte> Name { get; }

    public ReadOnlySpan<byte> Block => _block;

    public bool NameEquals(ReadOnlySpan<byte> name) => Ascii.EqualsIgnoreCase(Name, name);

    /// <summary>The first value of <paramref name="key"/> (keys compare ASCII case-insensitively).</summary>
    public bool TryGetValue(ReadOnlySpan<byte> key, out ReadOnlySpan<byte> value)
    {
        foreach (var field in new AmiFieldEnumerator(_block))
        {
            if (Ascii.EqualsIgnoreCase(field.Key, key))
            {
                value = field.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The first value of <paramref name="key"/> decoded as UTF-8 (invalid bytes become U+FFFD); null when absent.</summary>
    public string? GetString(ReadOnlySpan<byte> key) =>
        TryGetValue(key, out var value) ? Encoding.UTF8.GetString(value) : null;

    /// <summary>Every field in order, repeats included.</summary>
    public AmiFieldEnumerator EnumerateFields() => new(_block);
}
