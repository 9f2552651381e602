namespace RenfieldSip.Monitor.Dedup;

/// <summary>Bound from the <c>Dedup</c> section; the Redis connection string comes from <c>ConnectionStrings:redis</c>.</summary>
internal sealed class DedupOptions
{
    public const string SectionName = "Dedup";

    /// <summary>How long one call is announced only once.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Prefix of the Redis keys, so several installations can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "renfieldsip:dedup:";

    /// <summary>How long a claim waits for Redis before the in-memory store answers instead.</summary>
    public TimeSpan RedisTimeout { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>From <c>ConnectionStrings:redis</c> (Aspire convention); null or empty = in-memory only. May hold a password: never log it.</summary>
    public string? RedisConnectionString { get; set; }
}
