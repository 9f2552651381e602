namespace RenfieldSip.Monitor.Notification;

// TEMPORARY stub until the notify branch is merged.
internal sealed class WebhookOptions
{
    public TimeSpan Deadline { get; set; } = TimeSpan.FromSeconds(25);

    public int MaxConcurrency { get; set; } = 4;

    public int QueueCapacity { get; set; } = 1024;
}
