namespace RenfieldSip.Monitor.Voicemail;

internal static partial class Log
{
    [LoggerMessage(EventId = 1900, Level = LogLevel.Information, Message = "Answering machine messages are read from {Directory}; kept at most {MaxMessages} for {MaxAge}; transcription {Transcribe}")]
    public static partial void Enabled(ILogger logger, string directory, int maxMessages, TimeSpan maxAge, bool transcribe);

    [LoggerMessage(EventId = 1901, Level = LogLevel.Information, Message = "Answering machine messages are not picked up (Voicemail:Directory is not set)")]
    public static partial void Disabled(ILogger logger);

    [LoggerMessage(EventId = 1902, Level = LogLevel.Debug, Message = "Call {CallId} left a message: {Milliseconds} ms as Record counted, ended {Status}")]
    public static partial void MessageReported(ILogger logger, string callId, int milliseconds, string status);

    [LoggerMessage(EventId = 1903, Level = LogLevel.Warning, Message = "A voicemail event for call {CallId} was refused: no call id, or a file name that is not a plain name ending in .wav")]
    public static partial void EventRefused(ILogger logger, string callId);

    [LoggerMessage(EventId = 1904, Level = LogLevel.Warning, Message = "The message of call {CallId} was not announced: the voicemail queue is full")]
    public static partial void QueueFull(ILogger logger, string callId);

    [LoggerMessage(EventId = 1905, Level = LogLevel.Error, Message = "The message file {File} of call {CallId} cannot be read ({Problem}); it is announced with the length Asterisk reported. Check the volume and its permissions (docs/SIP_INTEGRATION.md, Anrufbeantworter)")]
    public static partial void FileUnreadable(ILogger logger, string callId, string file, string problem);

    [LoggerMessage(EventId = 1906, Level = LogLevel.Information, Message = "The message of call {CallId} ({Seconds} s) was announced: {Outcome}")]
    public static partial void Announced(ILogger logger, string callId, double seconds, string outcome);

    [LoggerMessage(EventId = 1907, Level = LogLevel.Information, Message = "The message of call {CallId} is kept but not announced: {Reason}")]
    public static partial void NotAnnounced(ILogger logger, string callId, string reason);

    [LoggerMessage(EventId = 1908, Level = LogLevel.Information, Message = "Message {File} was removed ({Reason})")]
    public static partial void Removed(ILogger logger, string file, string reason);

    [LoggerMessage(EventId = 1909, Level = LogLevel.Warning, Message = "Message file {File} could not be deleted ({Problem}); the monitor no longer lists it. A read-only mount keeps files until Asterisk's side removes them")]
    public static partial void DeleteFailed(ILogger logger, string file, string problem);

    [LoggerMessage(EventId = 1910, Level = LogLevel.Warning, Message = "The record of call {CallId} did not appear within {Wait}; its message is announced without the call's caller")]
    public static partial void RecordMissing(ILogger logger, string callId, TimeSpan wait);

    [LoggerMessage(EventId = 1911, Level = LogLevel.Error, Message = "Handling the message of call {CallId} failed unexpectedly")]
    public static partial void Crashed(ILogger logger, Exception exception, string callId);

    [LoggerMessage(EventId = 1912, Level = LogLevel.Warning, Message = "The transcription of call {CallId}'s message failed ({Reason}); it is announced without text")]
    public static partial void TranscriptionFailed(ILogger logger, string callId, string reason);

    [LoggerMessage(EventId = 1913, Level = LogLevel.Information, Message = "Answering machine: {Restored} messages restored from {Directory}; {Found} recordings found without their metadata (left while the monitor was not running: listed as unheard, not announced); {Removed} removed by retention")]
    public static partial void Restored(ILogger logger, int restored, int found, int removed, string directory);

    [LoggerMessage(EventId = 1914, Level = LogLevel.Warning, Message = "The message metadata {Sidecar} cannot be read ({Problem}); the message is listed from its recording as unheard")]
    public static partial void SidecarUnreadable(ILogger logger, string sidecar, string problem);

    [LoggerMessage(EventId = 1915, Level = LogLevel.Warning, Message = "The metadata of message {File} cannot be written ({Problem}); the message is listed until the monitor restarts, then as unheard. Check that Voicemail:Directory is writable for the monitor (docs/SIP_INTEGRATION.md, Anrufbeantworter)")]
    public static partial void SidecarUnwritable(ILogger logger, string file, string problem);

    [LoggerMessage(EventId = 1916, Level = LogLevel.Error, Message = "Voicemail:Directory {Directory} cannot be read at start ({Problem}); no message is restored. Check the volume and its permissions (docs/SIP_INTEGRATION.md, Anrufbeantworter)")]
    public static partial void DirectoryUnreadable(ILogger logger, string directory, string problem);
}
