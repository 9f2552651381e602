namespace RenfieldSip.Monitor.History;

/// <summary>Whether the history is kept in memory because Redis is unavailable: one warning per outage, one line when it ends.</summary>
internal sealed class HistoryOutage(string endpoint, ILogger logger)
{
    private int _active;

    public bool IsActive => Volatile.Read(ref _active) == 1;

    public void Begin(string reason)
    {
        if (Interlocked.Exchange(ref _active, 1) == 0)
        {
            Log.RedisUnreachable(logger, endpoint, reason);
        }
    }

    public void End(int handedOver)
    {
        if (Interlocked.Exchange(ref _active, 0) == 1)
        {
            Log.RedisBack(logger, endpoint, handedOver);
        }
    }
}
