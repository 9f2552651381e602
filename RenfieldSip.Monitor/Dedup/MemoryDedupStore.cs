
namespace RenfieldSip.Monitor.Dedup;

/// <summary>
/// Claims within this process. The window is the same for every key, so claims expire in the order they were
/// made: a FIFO queue finds the expired ones at its head, and each claim sweeps them in amortized O(1).
/// </summary>
internal sealed class MemoryDedupStore
{
    /// <summary>
    /// Far above any real call rate within a window; it only bounds memory under a flood, where forgetting the
    /// oldest claim early costs at worst a duplicate announcement.
    /// </summary>
    internal const int DefaultCapacity = 65_536;

    private readonly Dictionary<string, long> _expiries = new(StringComparer.Ordinal);
    private readonly Queue<(string Key, long Expiry)> _byExpiry = new();
    private readonly Lock _lock = new();
    private readonly TimeProvider _timeProvider;
    private readonly long _windowTimestamps;
    private readonly int _capacity;

    public MemoryDedupStore(TimeProvider timeProvider, TimeSpan window, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _timeProvider = timeProvider;
        _windowTimestamps = (long)(window.TotalSeconds * timeProvider.TimestampFrequency);
        _capacity = capacity;
    }

    /// <summary>Claims held right now (expired ones are counted until the next claim sweeps them).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _expiries.Count;
            }
        }
    }

    public bool TryClaim(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = _timeProvider.GetTimestamp();
        lock (_lock)
        {
            Sweep(now);
            if (_expiries.ContainsKey(key))
            {
                return false;
            }

            var expiry = now + _windowTimestamps;
            _expiries.Add(key, expiry);
            _byExpiry.Enqueue((key, expiry));
            if (_byExpiry.Count > _capacity)
            {
                _expiries.Remove(_byExpiry.Dequeue().Key);
            }

            return true;
        }
    }

    private void Sweep(long now)
    {
        // After a sweep only live claims remain, one queue item each, so queue and dictionary stay in step.
        while (_byExpiry.TryPeek(out var oldest) && oldest.Expiry <= now)
        {
            _byExpiry.Dequeue();
            _expiries.Remove(oldest.Key);
        }
    }
}
