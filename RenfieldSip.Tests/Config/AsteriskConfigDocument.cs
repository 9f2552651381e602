namespace RenfieldSip.Tests.Config;

/// <summary>
/// Reads an Asterisk configuration file the way Asterisk's config parser does for the parts
/// that matter here: ';' starts a comment unless written as '\;', "key = value" and
/// "key => value" both define an entry, surrounding blanks are dropped.
/// </summary>
internal sealed class AsteriskConfigDocument
{
    private AsteriskConfigDocument(List<AsteriskConfigSection> sections) => Sections = sections;

    public IReadOnlyList<AsteriskConfigSection> Sections { get; }

    public AsteriskConfigSection Section(string name) =>
        Sections.SingleOrDefault(section => section.Name == name)
        ?? throw new InvalidOperationException($"No section [{name}].");

    public static AsteriskConfigDocument Load(string path) => Parse(File.ReadAllLines(path));

    public static AsteriskConfigDocument Parse(IEnumerable<string> lines)
    {
        var sections = new List<AsteriskConfigSection>();
        AsteriskConfigSection? current = null;
        var lineNumber = 0;
        foreach (var rawLine in lines)
        {
            lineNumber++;
            var line = StripComment(rawLine).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line[0] == '[')
            {
                current = new AsteriskConfigSection(line[1..line.IndexOf(']', StringComparison.Ordinal)]);
                sections.Add(current);
                continue;
            }

            var separator = line.IndexOf('=', StringComparison.Ordinal);
            if (current is null || separator < 0)
            {
                throw new FormatException($"Line {lineNumber} is neither a section nor an entry: {rawLine}");
            }

            var value = line[(separator + 1)..];
            if (value.StartsWith('>'))
            {
                value = value[1..];
            }

            current.Entries.Add(new AsteriskConfigEntry(line[..separator].Trim(), value.Trim(), lineNumber));
        }

        return new AsteriskConfigDocument(sections);
    }

    internal static string StripComment(string line)
    {
        var text = new System.Text.StringBuilder(line.Length);
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == ';')
            {
                if (text.Length > 0 && text[^1] == '\\')
                {
                    text[^1] = ';';
                    continue;
                }

                break;
            }

            text.Append(line[i]);
        }

        return text.ToString();
    }
}
