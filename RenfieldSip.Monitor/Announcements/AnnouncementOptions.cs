using RenfieldSip.Monitor.Configuration;

namespace RenfieldSip.Monitor.Announcements;

/// <summary>
/// How many announcements run at once, how many may wait, and how late one may still be. Bound from the
/// <c>Webhook</c> section: each announcement is one webhook request, and that is where deployments set these keys.
/// </summary>
internal sealed class AnnouncementOptions
{
    public const string SectionName = "Webhook";

    /// <summary>After detection, an announcement not yet accepted is dropped: a late "incoming call" is worse than none.</summary>
    [PositiveTimeSpan("01:00:00", ErrorMessage = "Webhook:Deadline must be positive and at most 01:00:00")]
    public TimeSpan Deadline { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>Announcement workers, i.e. webhook requests in flight at once.</summary>
    [IntRange(1, 64, ErrorMessage = "Webhook:MaxConcurrency must be between 1 and 64")]
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Calls waiting for a worker; when full, the oldest is dropped and counted.</summary>
    [IntRange(1, 100_000, ErrorMessage = "Webhook:QueueCapacity must be between 1 and 100000")]
    public int QueueCapacity { get; set; } = 1024;
}
