using RenfieldSip.Monitor.Configuration;

namespace RenfieldSip.Monitor.Dedup;

/// <summary>Bound from the <c>Dedup</c> section; the Redis connection string comes from <c>ConnectionStrings:redis</c>.</summary>
internal sealed class DedupOptions
{
    public const string SectionName = "Dedup";

    /// <summary>How long one call is announced only once.</summary>
    [PositiveTimeSpan("1.00:00:00", ErrorMessage = "Dedup:Window must be greater than zero and at most 1.00:00:00 (one day)")]
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Prefix of the Redis keys, so several installations can share one Redis.</summary>
    [NotBlank(AllowWhiteSpace = true, ErrorMessage = "Dedup:KeyPrefix must not be empty")]
    public string KeyPrefix { get; set; } = "renfieldsip:dedup:";

    /// <summary>
    /// The key that hashes caller numbers in dedup keys (any string, keep it secret). Unset: derived from
    /// <c>Access:Token</c>; without a token, random per process (then monitors sharing one Redis do not share claims).
    /// </summary>
    public string? HashKey { get; set; }

    /// <summary>How long a claim waits for Redis before the in-memory store answers instead.</summary>
    [PositiveTimeSpan("00:00:30", ErrorMessage = "Dedup:RedisTimeout must be greater than zero and at most 00:00:30")]
    public TimeSpan RedisTimeout { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>From <c>ConnectionStrings:redis</c> (Aspire convention); null or empty = in-memory only. May hold a password: never log it.</summary>
    [RedisConfiguration(ErrorMessage = "ConnectionStrings:redis must be a StackExchange.Redis configuration such as localhost:6379")]
    public string? RedisConnectionString { get; set; }
}
