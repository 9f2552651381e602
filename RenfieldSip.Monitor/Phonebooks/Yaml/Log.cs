namespace RenfieldSip.Monitor.Phonebooks.Yaml;

/// <summary>The YAML phonebook's per-entry warnings, EventIds from the phonebook range 1200-1299. Numbers are personal data and never logged.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1205, Level = LogLevel.Warning, Message = "Phonebook {Path} line {Line}: the number does not parse; entry skipped")]
    public static partial void EntryNumberInvalid(ILogger logger, string path, long line);

    [LoggerMessage(EventId = 1206, Level = LogLevel.Warning, Message = "Phonebook {Path} line {Line}: same number as line {FirstLine}; the later entry wins")]
    public static partial void EntryDuplicate(ILogger logger, string path, long line, long firstLine);

    [LoggerMessage(EventId = 1207, Level = LogLevel.Warning, Message = "Phonebook {Path} line {Line}: the name is empty or not text; entry skipped")]
    public static partial void EntryNameInvalid(ILogger logger, string path, long line);
}
