namespace RenfieldSip.Monitor.Notification;

/// <summary>What one HTTP attempt ended in: a final outcome, or a reason to try again (with an optional server-given delay).</summary>
internal readonly record struct WebhookAttempt(DeliveryOutcome? Outcome, string? RetryReason, int? StatusCode, TimeSpan? RetryAfter, Exception? Error)
{
    public static WebhookAttempt Final(DeliveryOutcome outcome) => new(outcome, null, null, null, null);

    public static WebhookAttempt Retry(string reason, int? statusCode = null, TimeSpan? retryAfter = null, Exception? error = null) =>
        new(null, reason, statusCode, retryAfter, error);
}
