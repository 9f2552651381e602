using RenfieldSip.Monitor.Configuration;

namespace RenfieldSip.Monitor.History;

/// <summary>Bound from the <c>History</c> section; Redis (when configured) is <c>ConnectionStrings:redis</c>, shared with dedup.</summary>
internal sealed class HistoryOptions
{
    public const string SectionName = "History";

    /// <summary>The newest calls kept; older ones are dropped as new ones are recorded.</summary>
    [IntRange(1, 100_000, ErrorMessage = "History:MaxCalls must be between 1 and 100000")]
    public int MaxCalls { get; set; } = 1000;

    /// <summary>Calls older than this are dropped and never shown.</summary>
    [PositiveTimeSpan("366.00:00:00", ErrorMessage = "History:MaxAge must be greater than zero and at most 366.00:00:00 (one year)")]
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Prefix of the Redis keys, so several installations can share one Redis.</summary>
    [NotBlank(AllowWhiteSpace = true, ErrorMessage = "History:KeyPrefix must not be empty")]
    public string KeyPrefix { get; set; } = "renfieldsip:history:";

    /// <summary>
    /// Keep and show only the last two digits of a caller's number. Off by default: the list then shows the number
    /// as Renfield announced it, which every screen in the house has shown already.
    /// </summary>
    public bool RedactNumbers { get; set; }
}
