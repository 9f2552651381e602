
namespace RenfieldSip.Monitor.Phonebooks;

/// <summary>Phonebook log events, EventIds 1200-1299 (the YAML file's per-entry warnings 1205-1207 are in Yaml/Log.cs). Phonebook numbers are personal data and never logged, nor are source credentials.</summary>
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

    [LoggerMessage(EventId = 1208, Level = LogLevel.Warning, Message = "Phonebook {Path} has disappeared; keeping the last good phonebook with {Count} entries")]
    public static partial void PhonebookDisappeared(ILogger logger, string path, int count);

    [LoggerMessage(EventId = 1209, Level = LogLevel.Error, Message = "Phonebook {Path} cannot be read; keeping the phonebook with {Count} entries")]
    public static partial void PhonebookUnreadable(ILogger logger, string path, int count, Exception exception);

    [LoggerMessage(EventId = 1210, Level = LogLevel.Warning, Message = "Cannot watch {Directory} for phonebook edits ({Reason}); checking every second instead")]
    public static partial void WatcherUnavailable(ILogger logger, string directory, string reason);

    [LoggerMessage(EventId = 1211, Level = LogLevel.Warning, Message = "Phonebook {Path}: {SkippedNumbers} numbers skipped (not phone numbers, first at line {FirstLine}), {Nameless} contacts with a number but no name skipped")]
    public static partial void SourceEntriesSkipped(ILogger logger, string path, int skippedNumbers, int firstLine, int nameless);

    [LoggerMessage(EventId = 1212, Level = LogLevel.Information, Message = "Phonebook source {Source} ({Url}) loaded with {Count} entries")]
    public static partial void RemoteSourceLoaded(ILogger logger, string source, string url, int count);

    [LoggerMessage(EventId = 1213, Level = LogLevel.Error, Message = "Phonebook source {Source}: {Reason}; keeping the last good {Count} entries and trying again every {Interval}")]
    public static partial void RemoteSourceFailed(ILogger logger, string source, string reason, int count, TimeSpan interval);

    [LoggerMessage(EventId = 1214, Level = LogLevel.Information, Message = "Phonebook source {Source} ({Url}) answers again")]
    public static partial void RemoteSourceRecovered(ILogger logger, string source, string url);

    [LoggerMessage(EventId = 1215, Level = LogLevel.Information, Message = "Call rules from {Path}: {BlockedNumbers} blocked numbers, {BlockedPrefixes} blocked prefixes (action {BlockAction}), quiet hours {QuietHours}, {CalledNumbers} called numbers with their own room or urgency")]
    public static partial void RulesLoaded(ILogger logger, string path, int blockedNumbers, int blockedPrefixes, string blockAction, string quietHours, int calledNumbers);

    [LoggerMessage(EventId = 1216, Level = LogLevel.Information, Message = "Phonebook now has {Count} numbers from {Sources} sources")]
    public static partial void PhonebookMerged(ILogger logger, int count, int sources);

    [LoggerMessage(EventId = 1217, Level = LogLevel.Warning, Message = "Phonebook source {Source}: card {Href} is broken at line {Line}: {Reason}; that card is skipped")]
    public static partial void RemoteCardBroken(ILogger logger, string source, string href, int line, string reason);
}
