namespace RenfieldSip.Monitor.Phonebooks.Formats;

/// <summary>
/// A phonebook export broken in its structure, with the line to look at. The reason is in our words and never quotes
/// the file: a phonebook is full of other people's numbers, and messages end up in logs.
/// </summary>
internal sealed class PhonebookFormatException : Exception
{
    public PhonebookFormatException(int line, string reason)
        : base(Format(line, reason))
    {
        Line = line;
        Reason = reason;
    }

    public PhonebookFormatException(int line, string reason, Exception innerException)
        : base(Format(line, reason), innerException)
    {
        Line = line;
        Reason = reason;
    }

    public PhonebookFormatException()
        : this(0, "malformed phonebook")
    {
    }

    public PhonebookFormatException(string message)
        : this(0, message)
    {
    }

    public PhonebookFormatException(string message, Exception innerException)
        : this(0, message, innerException)
    {
    }

    /// <summary>1-based; 0 when no line is known.</summary>
    public int Line { get; }

    public string Reason { get; }

    /// <summary>The file within a folder source that is broken; null when the source is one file.</summary>
    public string? File { get; init; }

    private static string Format(int line, string reason) => $"line {line}: {reason}";
}
