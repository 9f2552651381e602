namespace RenfieldSip.Monitor.Redis;

/// <summary>
/// Whether an area is working from memory because Redis is unavailable. Each area that keeps data in Redis holds one,
/// so it says once per outage what the outage means for it (and once when it is over).
/// </summary>
internal sealed class RedisOutage
{
    private int _active;

    public bool IsActive => Volatile.Read(ref _active) == 1;

    /// <summary>True only for the call that begins the outage: the caller logs it then, and never again until it ended.</summary>
    public bool Begin() => Interlocked.Exchange(ref _active, 1) == 0;

    /// <summary>True only for the call that ends an active outage.</summary>
    public bool End() => Interlocked.Exchange(ref _active, 0) == 1;
}
