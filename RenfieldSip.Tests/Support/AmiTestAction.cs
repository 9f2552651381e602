namespace RenfieldSip.Tests.Support;

/// <summary>One action block the client sent, parsed by the test server (independently of the code under test).</summary>
internal sealed class AmiTestAction(string name, IReadOnlyList<KeyValuePair<string, string>> fields, string raw)
{
    public string Name { get; } = name;

    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; } = fields;

    /// <summary>The block exactly as received, terminator included.</summary>
    public string Raw { get; } = raw;

    public string? ActionId => this["ActionID"];

    public string? this[string key] =>
        Fields.FirstOrDefault(field => string.Equals(field.Key, key, StringComparison.OrdinalIgnoreCase)).Value;

    public static AmiTestAction Parse(string raw)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var line in raw.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            fields.Add(colon < 0
                ? new(line, string.Empty)
                : new(line[..colon], line[(colon + 1)..].TrimStart(' ')));
        }

        var name = fields.FirstOrDefault(field => string.Equals(field.Key, "Action", StringComparison.OrdinalIgnoreCase)).Value ?? string.Empty;
        return new AmiTestAction(name, fields, raw);
    }

    public override string ToString() => $"Action: {Name} ({ActionId})";
}
