namespace RenfieldSip.Monitor.Identity;

/// <summary>Identity log events, EventIds 1200-1299. Phonebook numbers are personal data and never logged.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "Phonebook {Path} loaded with {Count} entries")]
    public static partial void PhonebookLoaded(ILogger logger, string path, int count);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Phonebook {Path} reloaded with {Count} entries")]
    public static partial void PhonebookReloaded(ILogger logger, string path, int count);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "No phonebook at {Path}; callers are shown by number")]
    public static partial void PhonebookMissing(ILogger logger, string path);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Error, Message = "Phonebook {Path} is broken at line {Line}: {Reason}; starting with an empty phonebook")]
    public static partial void PhonebookBrokenAtStart(ILogger logger, string path, long line, string reason);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Error, Message = "Phonebook {Path} is broken at line {Line}: {Reason}; keeping the last good phonebook with {Count} entries")]
    public static partial void PhonebookBrokenOnReload(ILogger logger, string path, long line, string reason, int count);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Warning, Message = "Phonebook {Path} line {Line}: the number does not parse; entry skipped")]
    public static partial void EntryNumberInvalid(ILogger logger, string path, long line);

    [LoggerMessage(EventId = 1206, Level = LogLevel.Warning, Message = "Phonebook {Path} line {Line}: same number as line {FirstLine}; the later entry wins")]
    public static partial void EntryDuplicate(ILogger logger, string path, long line, long firstLine);

    [LoggerMessage(EventId = 1207, Level = LogLevel.Warning, Message = "Phonebook {Path} line {Line}: the name is empty or not text; entry skipped")]
    public static partial void EntryNameInvalid(ILogger logger, string path, long line);

    [LoggerMessage(EventId = 1208, Level = LogLevel.Warning, Message = "Phonebook {Path} has disappeared; keeping the last good phonebook with {Count} entries")]
    public static partial void PhonebookDisappeared(ILogger logger, string path, int count);

    [LoggerMessage(EventId = 1209, Level = LogLevel.Error, Message = "Phonebook {Path} cannot be read; keeping the phonebook with {Count} entries")]
    public static partial void PhonebookUnreadable(ILogger logger, string path, int count, Exception exception);

    [LoggerMessage(EventId = 1210, Level = LogLevel.Warning, Message = "Cannot watch {Directory} for phonebook edits ({Reason}); checking every second instead")]
    public static partial void WatcherUnavailable(ILogger logger, string directory, string reason);
}
