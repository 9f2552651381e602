namespace RenfieldSip.Monitor.Dedup;

/// <summary>Whether claims are answered from memory because Redis is unavailable: one warning per outage, one line when it ends.</summary>
internal sealed class RedisOutage(string endpoint, ILogger logger)
{
    private int _active;
    private long _fallbacks;

    public bool IsActive => Volatile.Read(ref _active) == 1;

    public long Fallbacks => Interlocked.Read(ref _fallbacks);

    public void Begin(string reason)
    {
        if (Interlocked.Exchange(ref _active, 1) == 0)
        {
            Log.RedisUnreachable(logger, endpoint, reason);
        }
    }

    public void End()
    {
        if (Interlocked.Exchange(ref _active, 0) == 1)
        {
            Log.RedisBack(logger, endpoint);
        }
    }

    /// <summary>A claim was answered from memory; <paramref name="reason"/> (when known) begins an outage.</summary>
    public void FellBack(string? reason)
    {
        Interlocked.Increment(ref _fallbacks);
        if (reason is not null)
        {
            Begin(reason);
        }

        Log.ClaimFellBack(logger, endpoint);
    }
}
