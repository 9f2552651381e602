namespace RenfieldSip.Monitor.Announcements;

internal static partial class Log
{
    [LoggerMessage(1106, LogLevel.Warning, "Announcement queue full: dropped call {CallId}, the oldest waiting")]
    public static partial void QueueFull(ILogger logger, string callId);

    [LoggerMessage(1107, LogLevel.Information, "Call {CallId} not announced: caller {CallerNumber} was announced within the last {Window}")]
    public static partial void Suppressed(ILogger logger, string callId, string callerNumber, TimeSpan window);

    [LoggerMessage(1108, LogLevel.Information, "Call {CallId} announced to Renfield ({Outcome}) {LatencyMs} ms after detection")]
    public static partial void Announced(ILogger logger, string callId, string outcome, double latencyMs);

    [LoggerMessage(1109, LogLevel.Warning, "Call {CallId} not announced: {Outcome}")]
    public static partial void AnnouncementFailed(ILogger logger, string callId, string outcome);

    [LoggerMessage(1110, LogLevel.Error, "Announcing call {CallId} failed unexpectedly")]
    public static partial void AnnouncementCrashed(ILogger logger, Exception exception, string callId);

    [LoggerMessage(1111, LogLevel.Information, "Call {CallId} not announced: caller {CallerNumber} matches the rule {Rule}")]
    public static partial void SilencedByRule(ILogger logger, string callId, string callerNumber, string rule);

    [LoggerMessage(1112, LogLevel.Information, "Call {CallId} announced as a toast only (not spoken): caller {CallerNumber} matches the rule {Rule}")]
    public static partial void ToastOnlyByRule(ILogger logger, string callId, string callerNumber, string rule);
}
