namespace RenfieldSip.Monitor.Phonebooks.Formats;

/// <summary>
/// Collects the properties of one card that make a <see cref="ContactCard"/> and ignores the rest. Reused for every
/// card of a file, so its buffers are allocated once.
/// </summary>
internal sealed class VCardCardBuilder
{
    private readonly List<string> _numbers = [];
    private readonly List<string> _groups = [];
    private readonly CharBuffer _decoded = new();
    private readonly CharBuffer _scratch = new();
    private string? _formattedName;
    private string? _structuredName;
    private string? _organization;

    /// <summary>The line of the card's BEGIN:VCARD.</summary>
    public int Line { get; private set; }

    public void Start(int line)
    {
        Line = line;
        _numbers.Clear();
        _groups.Clear();
        _formattedName = _structuredName = _organization = null;
    }

    public void Add(VCardProperty property, int line)
    {
        // The first non-empty value wins: 4.0 allows several FN (one per language) and the first is the preferred one.
        if (property.Is("TEL"))
        {
            if (Number(Value(property, line)) is { Length: > 0 } number)
            {
                _numbers.Add(number);
            }
        }
        else if (property.Is("FN"))
        {
            _formattedName ??= VCardText.Unescape(Value(property, line), _scratch);
        }
        else if (property.Is("N"))
        {
            // FN wins anyway when it came first; composing N would be wasted.
            if (_formattedName is null && _structuredName is null)
            {
                _structuredName = StructuredName(Value(property, line));
            }
        }
        else if (property.Is("ORG"))
        {
            _organization ??= VCardText.Unescape(VCardText.Component(Value(property, line), 0), _scratch);
        }
        else if (property.Is("CATEGORIES"))
        {
            VCardText.AddItems(Value(property, line), ',', _groups, _scratch);
        }
    }

    public ContactCard Build() => new(
        _formattedName ?? _structuredName ?? _organization,
        _numbers.ToArray(),
        _groups.Count == 0 ? [] : _groups.ToArray(),
        Line);

    private ReadOnlySpan<char> Value(VCardProperty property, int line)
    {
        if (property.Encoding != VCardEncoding.QuotedPrintable)
        {
            return property.Value;
        }

        _decoded.Clear();
        QuotedPrintable.Decode(property.Value, property.Charset, _decoded, line);
        return _decoded.Span;
    }

    // N is Family;Given;Additional;Prefix;Suffix, each a comma list; spoken as "Given Additional Family".
    private string? StructuredName(ReadOnlySpan<char> value)
    {
        _scratch.Clear();
        VCardText.AppendWords(VCardText.Component(value, 1), _scratch);
        VCardText.AppendWords(VCardText.Component(value, 2), _scratch);
        VCardText.AppendWords(VCardText.Component(value, 0), _scratch);
        return _scratch.Length == 0 ? null : _scratch.Span.ToString();
    }

    // A 4.0 tel: URI carries the number and then ;ext=, ;phone-context= parameters: the number is what a user dialled.
    private static string? Number(ReadOnlySpan<char> value)
    {
        value = value.Trim();
        if (value.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
        {
            value = value[4..];
            var parameters = value.IndexOf(';');
            value = (parameters < 0 ? value : value[..parameters]).Trim();
        }

        return value.IsEmpty ? null : value.ToString();
    }
}
