namespace RenfieldSip.Monitor.Text.Yaml;

/// <summary>A small YAML tree with every node's line, for the sections read by meaning rather than by shape.</summary>
/// <param name="Line">The 1-based line the node starts on.</param>
/// <param name="Scalar">The text of a scalar; null for a mapping or sequence.</param>
/// <param name="Items">The items of a sequence; null otherwise.</param>
/// <param name="Entries">The entries of a mapping, in file order; null otherwise.</param>
internal sealed record YamlNode(
    int Line,
    string? Scalar,
    IReadOnlyList<YamlNode>? Items,
    IReadOnlyList<KeyValuePair<string, YamlNode>>? Entries)
{
    public bool IsEmpty => Scalar is { Length: 0 } && Items is null && Entries is null;

    /// <summary>YAML 1.1's spellings a phonebook writer uses (<c>true</c>/<c>yes</c>, <c>false</c>/<c>no</c>); anything else is refused.</summary>
    /// <param name="key">The key as the error message names it.</param>
    public bool ToBoolean(string key) => Scalar switch
    {
        "true" or "yes" => true,
        "false" or "no" => false,
        _ => throw new YamlFormatException(Line, $"{key} must be true or false"),
    };
}
