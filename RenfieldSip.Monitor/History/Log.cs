namespace RenfieldSip.Monitor.History;

/// <summary>Call history log events, EventIds 1700-1799. Only endpoints of Redis are logged, never its connection string.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1700, Level = LogLevel.Information, Message = "Call history in memory (no Redis configured): at most {MaxCalls} calls, {MaxAge}")]
    public static partial void InMemory(ILogger logger, int maxCalls, TimeSpan maxAge);

    [LoggerMessage(EventId = 1701, Level = LogLevel.Information, Message = "Call history in Redis at {Endpoint}: at most {MaxCalls} calls, {MaxAge}")]
    public static partial void UsingRedis(ILogger logger, string endpoint, int maxCalls, TimeSpan maxAge);

    [LoggerMessage(EventId = 1702, Level = LogLevel.Warning, Message = "Redis unreachable at {Endpoint} for the call history ({Reason}); calls are kept in memory and handed to Redis once it is back")]
    public static partial void RedisUnreachable(ILogger logger, string endpoint, string reason);

    [LoggerMessage(EventId = 1703, Level = LogLevel.Information, Message = "Redis at {Endpoint} is reachable again; {Count} calls kept in memory meanwhile were handed to it")]
    public static partial void RedisBack(ILogger logger, string endpoint, int count);

    [LoggerMessage(EventId = 1704, Level = LogLevel.Warning, Message = "Call history writer is behind: call {CallId} was not recorded")]
    public static partial void RecordDropped(ILogger logger, string callId);

    [LoggerMessage(EventId = 1705, Level = LogLevel.Debug, Message = "Call {CallId} recorded: {Outcome}, ended {Ended}")]
    public static partial void Recorded(ILogger logger, string callId, CallOutcome outcome, CallEnding ended);

    [LoggerMessage(EventId = 1706, Level = LogLevel.Error, Message = "Recording call {CallId} failed unexpectedly")]
    public static partial void RecordFailed(ILogger logger, Exception exception, string callId);
}
