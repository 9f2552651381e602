namespace RenfieldSip.Monitor.Dedup;

/// <summary>Dedup log events, EventIds 1300-1399. The Redis connection string may hold a password: only endpoints are logged.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Information, Message = "De-duplicating in memory (no Redis configured); window {Window}")]
    public static partial void InMemory(ILogger logger, TimeSpan window);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "De-duplicating via Redis at {Endpoint}; window {Window}")]
    public static partial void UsingRedis(ILogger logger, string endpoint, TimeSpan window);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "Redis unreachable at {Endpoint} ({Reason}); de-duplicating in memory until it is back")]
    public static partial void RedisUnreachable(ILogger logger, string endpoint, string reason);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Information, Message = "Redis at {Endpoint} is reachable again; the shared de-duplication window is in use")]
    public static partial void RedisBack(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Debug, Message = "Claim answered in memory because Redis at {Endpoint} is unavailable")]
    public static partial void ClaimFellBack(ILogger logger, string endpoint);
}
