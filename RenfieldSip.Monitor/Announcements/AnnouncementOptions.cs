namespace RenfieldSip.Monitor.Announcements;

/// <summary>
/// How many announcements run at once, how many may wait, and how late one may still be. Bound from the
/// <c>Webhook</c> section: each announcement is one webhook request, and that is where deployments set these keys.
/// </summary>
internal sealed class AnnouncementOptions
{
    public const string SectionName = "Webhook";

    /// <summary>After detection, an announcement not yet accepted is dropped: a late "incoming call" is worse than none.</summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>Announcement workers, i.e. webhook requests in flight at once.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Calls waiting for a worker; when full, the oldest is dropped and counted.</summary>
    public int QueueCapacity { get; set; } = 1024;
}
