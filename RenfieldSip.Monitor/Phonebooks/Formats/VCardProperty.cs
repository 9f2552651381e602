namespace RenfieldSip.Monitor.Phonebooks.Formats;

/// <summary>
/// One unfolded content line, <c>[group.]NAME[;PARAM[=VALUE[,VALUE]]...]:value</c>, cut into spans over the line.
/// Only the parameters that change how the value is read are kept; TYPE, PREF, LABEL and the unknown are ignored.
/// </summary>
internal readonly ref struct VCardProperty
{
    /// <summary>The property name without its group prefix; compare it case-insensitively.</summary>
    public ReadOnlySpan<char> Name { get; private init; }

    /// <summary>The raw value after the first unquoted colon: still escaped and, when so declared, encoded.</summary>
    public ReadOnlySpan<char> Value { get; private init; }

    public VCardEncoding Encoding { get; private init; }

    /// <summary>The CHARSET parameter's value; empty when there is none.</summary>
    public ReadOnlySpan<char> Charset { get; private init; }

    public bool Is(string name) => Name.Equals(name, StringComparison.OrdinalIgnoreCase);

    /// <summary>False when the line has no colon ending a name and parameters.</summary>
    public static bool TryParse(ReadOnlySpan<char> line, out VCardProperty property) =>
        TryParse(line, honourQuotes: true, out property)
        // A stray quote in a 2.1 or 3.0 parameter would hide the colon; read such a line as if quotes meant nothing.
        || TryParse(line, honourQuotes: false, out property);

    private static bool TryParse(ReadOnlySpan<char> line, bool honourQuotes, out VCardProperty property)
    {
        property = default;
        var nameEnd = line.IndexOfAny(';', ':');
        if (nameEnd < 0)
        {
            return false;
        }

        var name = line[..nameEnd].Trim();
        name = name[(name.LastIndexOf('.') + 1)..];
        var encoding = VCardEncoding.None;
        ReadOnlySpan<char> charset = default;
        var position = nameEnd;
        while (line[position] == ';')
        {
            var start = ++position;
            var quoted = false;
            while (position < line.Length && (quoted || line[position] is not (';' or ':')))
            {
                quoted ^= honourQuotes && line[position] == '"';
                position++;
            }

            if (position == line.Length)
            {
                return false;
            }

            ReadParameter(line[start..position], ref encoding, ref charset);
        }

        property = new VCardProperty { Name = name, Value = line[(position + 1)..], Encoding = encoding, Charset = charset };
        return true;
    }

    private static void ReadParameter(ReadOnlySpan<char> parameter, ref VCardEncoding encoding, ref ReadOnlySpan<char> charset)
    {
        var equals = parameter.IndexOf('=');
        if (equals < 0)
        {
            // vCard 2.1 writes the encoding as a bare parameter: TEL;CELL;ENCODING=... or N;QUOTED-PRINTABLE:...
            encoding = EncodingNamed(parameter.Trim(), encoding);
            return;
        }

        var name = parameter[..equals].Trim();
        var value = parameter[(equals + 1)..].Trim().Trim('"');
        if (name.Equals("ENCODING", StringComparison.OrdinalIgnoreCase))
        {
            encoding = EncodingNamed(value, encoding);
        }
        else if (name.Equals("CHARSET", StringComparison.OrdinalIgnoreCase))
        {
            charset = value;
        }
    }

    private static VCardEncoding EncodingNamed(ReadOnlySpan<char> name, VCardEncoding otherwise) =>
        name.Equals("QUOTED-PRINTABLE", StringComparison.OrdinalIgnoreCase) ? VCardEncoding.QuotedPrintable
        : name.Equals("BASE64", StringComparison.OrdinalIgnoreCase) || name.Equals("B", StringComparison.OrdinalIgnoreCase) ? VCardEncoding.Base64
        : otherwise;
}
