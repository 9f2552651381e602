namespace RenfieldSip.Monitor.Notification;

internal interface IRenfieldWebhook
{
    /// <summary>
    /// Posts <paramref name="notification"/>, retrying what is worth retrying until <paramref name="deadline"/>.
    /// Never throws for an HTTP or network failure: the outcome says what happened.
    /// </summary>
    Task<DeliveryOutcome> SendAsync(RenfieldNotification notification, DateTimeOffset deadline, CancellationToken cancellationToken);
}
