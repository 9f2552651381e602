namespace RenfieldSip.Monitor.Phonebooks.Formats;

/// <summary>A phonebook source that cannot be read as its format: the line says where, the reason says what.</summary>
internal sealed class PhonebookFormatException : Exception
{
    public PhonebookFormatException(int line, string reason)
        : base($"line {line}: {reason}")
    {
        Line = line;
        Reason = reason;
    }

    public PhonebookFormatException()
        : this(0, "unreadable")
    {
    }

    public PhonebookFormatException(string message)
        : this(0, message)
    {
    }

    public PhonebookFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
    }

    public int Line { get; }

    public string Reason { get; } = string.Empty;

    /// <summary>The file within a folder source that is broken; null when the source is one file.</summary>
    public string? File { get; init; }
}
