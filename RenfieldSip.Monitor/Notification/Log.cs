using Microsoft.Extensions.Logging;

namespace RenfieldSip.Monitor.Notification;

/// <summary>Webhook logs, EventIds 1400-1499. Never the token, never a caller number, never a title (it holds the number).</summary>
internal static partial class Log
{
    [LoggerMessage(1400, LogLevel.Information, "Renfield accepted the call notification (notification_id {NotificationId}) after {Attempts} attempt(s) in {ElapsedMs} ms")]
    public static partial void Delivered(ILogger logger, long? notificationId, int attempts, long elapsedMs);

    [LoggerMessage(1401, LogLevel.Information, "Renfield suppressed the call notification ({Detail}); it already announced the same one")]
    public static partial void DuplicateSuppressed(ILogger logger, string detail);

    [LoggerMessage(1402, LogLevel.Error, "Renfield refused the call notification (HTTP {StatusCode}): no webhook token is configured. Create one in Renfield with POST /api/notifications/token and set RENFIELD_WEBHOOK_TOKEN (Webhook:Token)")]
    public static partial void NoTokenConfigured(ILogger logger, int statusCode);

    [LoggerMessage(1403, LogLevel.Error, "Renfield rejected the webhook token (HTTP {StatusCode}). Set RENFIELD_WEBHOOK_TOKEN (Webhook:Token) to Renfield's current token; POST /api/notifications/token creates a new one and invalidates the old")]
    public static partial void TokenRejected(ILogger logger, int statusCode);

    [LoggerMessage(1404, LogLevel.Error, "Renfield has proactive notifications disabled: set PROACTIVE_ENABLED=true in Renfield's environment")]
    public static partial void ProactiveDisabled(ILogger logger);

    [LoggerMessage(1405, LogLevel.Error, "Renfield rejected the call notification payload (HTTP 422), not retried: {Summary}")]
    public static partial void PayloadRejected(ILogger logger, string summary);

    [LoggerMessage(1406, LogLevel.Error, "Renfield answered HTTP {StatusCode} to the call notification, not retried; check Webhook:Url (RENFIELD_WEBHOOK_URL) points at /api/notifications/webhook")]
    public static partial void Rejected(ILogger logger, int statusCode);

    [LoggerMessage(1407, LogLevel.Warning, "Webhook attempt {Attempt} got HTTP {StatusCode}; retrying in {DelayMs} ms")]
    public static partial void RetryingAfterStatus(ILogger logger, int attempt, int statusCode, long delayMs);

    // The error's message, not the exception: a Renfield that is down for a minute must not fill the log with stack traces.
    [LoggerMessage(1408, LogLevel.Warning, "Webhook attempt {Attempt} failed ({Reason}: {Error}); retrying in {DelayMs} ms")]
    public static partial void RetryingAfterFailure(ILogger logger, int attempt, string reason, string? error, long delayMs);

    [LoggerMessage(1409, LogLevel.Warning, "Dropped the call notification after {Attempts} attempt(s): {Reason}, and no further attempt fits before the deadline")]
    public static partial void DeadlineExceeded(ILogger logger, int attempts, string reason);

    [LoggerMessage(1410, LogLevel.Debug, "Call notification cancelled after {Attempts} attempt(s): the monitor is stopping")]
    public static partial void Cancelled(ILogger logger, int attempts);

    [LoggerMessage(1411, LogLevel.Warning, "Renfield rate-limited the webhook (HTTP 429, Retry-After {RetryAfterMs} ms)")]
    public static partial void RateLimited(ILogger logger, long? retryAfterMs);
}
