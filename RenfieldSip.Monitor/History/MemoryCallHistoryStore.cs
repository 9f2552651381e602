namespace RenfieldSip.Monitor.History;

/// <summary>
/// The history within this process: the store without Redis, and the stand-in while Redis is unreachable. Records
/// are kept in the order they were stored, one per call, at most <c>maxCalls</c> and none older than <c>maxAge</c>.
/// </summary>
internal sealed class MemoryCallHistoryStore
{
    private readonly LinkedList<CallRecord> _records = new();
    private readonly Dictionary<string, LinkedListNode<CallRecord>> _byCallId = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly int _maxCalls;
    private readonly TimeSpan _maxAge;
    private RecordId _last;

    public MemoryCallHistoryStore(TimeProvider time, int maxCalls, TimeSpan maxAge)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCalls, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxAge, TimeSpan.Zero);
        _time = time;
        _maxCalls = maxCalls;
        _maxAge = maxAge;
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _records.Count;
            }
        }
    }

    /// <summary>Stores <paramref name="record"/> unless one for the same call that got at least as far is there; returns it with its id, or null.</summary>
    public CallRecord? Append(CallRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_lock)
        {
            var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
            Trim(now);
            if (_byCallId.TryGetValue(record.CallId, out var existing))
            {
                if (CallRecordRank.Of(existing.Value) >= CallRecordRank.Of(record))
                {
                    return null;
                }

                _records.Remove(existing);
            }

            // The clock may stand still or step back; the ids must still grow.
            _last = now > _last.Milliseconds ? new RecordId(now, 0) : _last with { Sequence = _last.Sequence + 1 };
            var stored = record with { Id = _last.ToString() };
            _byCallId[record.CallId] = _records.AddLast(stored);
            while (_records.Count > _maxCalls)
            {
                RemoveOldest();
            }

            return stored;
        }
    }

    public CallPage Read(CallQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var calls = new List<CallRecord>(Math.Min(query.Limit, CallQuery.MaxLimit));
        lock (_lock)
        {
            Trim(_time.GetUtcNow().ToUnixTimeMilliseconds());
            var more = false;
            for (var node = _records.Last; node is not null; node = node.Previous)
            {
                if (query.Before is { } before && IdOf(node.Value).CompareTo(before) >= 0)
                {
                    continue;
                }

                if (!query.Matches(node.Value))
                {
                    continue;
                }

                if (calls.Count == query.Limit)
                {
                    more = true;
                    break;
                }

                calls.Add(node.Value);
            }

            return new CallPage(calls, more ? calls[^1].Id : null);
        }
    }

    /// <summary>Removes and returns every record, oldest first (to hand them to Redis once it is back).</summary>
    public IReadOnlyList<CallRecord> TakeAll()
    {
        lock (_lock)
        {
            var all = _records.ToList();
            _records.Clear();
            _byCallId.Clear();
            return all;
        }
    }

    /// <summary>Removes every record <paramref name="match"/> picks; returns how many.</summary>
    public int Erase(Func<CallRecord, bool> match)
    {
        ArgumentNullException.ThrowIfNull(match);
        lock (_lock)
        {
            var erased = 0;
            for (var node = _records.First; node is not null;)
            {
                var next = node.Next;
                if (match(node.Value))
                {
                    _records.Remove(node);
                    _byCallId.Remove(node.Value.CallId);
                    erased++;
                }

                node = next;
            }

            return erased;
        }
    }

    private static RecordId IdOf(CallRecord record) => RecordId.TryParse(record.Id, out var id) ? id : default;

    private void Trim(long nowMilliseconds)
    {
        var oldest = nowMilliseconds - (long)_maxAge.TotalMilliseconds;
        while (_records.First is { } first && IdOf(first.Value).Milliseconds < oldest)
        {
            RemoveOldest();
        }
    }

    private void RemoveOldest()
    {
        var first = _records.First!;
        _records.RemoveFirst();
        _byCallId.Remove(first.Value.CallId);
    }
}
