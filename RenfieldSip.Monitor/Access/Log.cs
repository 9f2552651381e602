namespace RenfieldSip.Monitor.Access;

internal static partial class Log
{
    [LoggerMessage(1801, LogLevel.Warning, "The monitor has no access token (Access:Token / MONITOR_TOKEN): the call list and the test call answer 401 until one is set")]
    public static partial void NoToken(ILogger logger);

    [LoggerMessage(1802, LogLevel.Information, "Refused a request to {Path} with a wrong bearer token")]
    public static partial void BearerRefused(ILogger logger, PathString path);

    [LoggerMessage(1804, LogLevel.Information, "Rate limit reached on {Path}: answered 429")]
    public static partial void RateLimited(ILogger logger, PathString path);
}
