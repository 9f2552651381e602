namespace RenfieldSip.Monitor.Text.Yaml;

/// <summary>
/// A YAML section that parses but is wrong in its shape or values, with the line to look at. The reason is in our
/// words and quotes the file only through <see cref="UntrustedText"/>: the file holds other people's numbers.
/// </summary>
internal sealed class YamlFormatException : Exception
{
    public YamlFormatException(int line, string reason)
        : base($"line {line}: {reason}")
    {
        Line = line;
        Reason = reason;
    }

    public YamlFormatException()
        : this(0, "malformed YAML")
    {
    }

    public YamlFormatException(string message)
        : this(0, message)
    {
    }

    public YamlFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
    }

    /// <summary>1-based; 0 when no line is known.</summary>
    public int Line { get; }

    public string Reason { get; }
}
