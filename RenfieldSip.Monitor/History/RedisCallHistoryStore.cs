using System.Globalization;
using System.Text.Json;
using StackExchange.Redis;

namespace RenfieldSip.Monitor.History;

/// <summary>
/// The history shared by every monitor on one Redis: a stream <c>prefix+calls</c> of JSON entries (field <c>r</c>),
/// capped by count and age, and per call a key <c>prefix+call:&lt;Uniqueid&gt;</c> saying which entry holds it, so
/// two monitors that both saw a call store it once. Throws on any Redis failure; <see cref="CallHistoryStore"/>
/// decides what happens then.
/// </summary>
internal sealed class RedisCallHistoryStore(IDatabase database, HistoryOptions options, TimeProvider time)
{
    private const string RecordField = "r";
    private const int ReadChunk = 100;

    // One script, so the claim, the append and the trim are one step for every monitor. The claim names the rank and
    // the entry: a better-informed record of the same call (see CallRecordRank) replaces a worse one. Entry ids carry
    // the monitor's clock (never below the newest entry's), the same clock the age trim and the reads use; "ms-*"
    // needs Redis 7.
    private const string AppendScript = """
        local previous = redis.call('GET', KEYS[2])
        if previous then
          local bar = string.find(previous, '|', 1, true)
          if tonumber(string.sub(previous, 1, bar - 1)) >= tonumber(ARGV[1]) then return false end
          redis.call('XDEL', KEYS[1], string.sub(previous, bar + 1))
        end
        local ms = ARGV[7]
        local last = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)[1]
        if last then
          local lastMs = string.match(last[1], '^(%d+)')
          if tonumber(lastMs) > tonumber(ms) then ms = lastMs end
        end
        local id = redis.call('XADD', KEYS[1], 'MAXLEN', ARGV[3], ms .. '-*', 'r', ARGV[2])
        redis.call('XTRIM', KEYS[1], 'MINID', ARGV[4])
        redis.call('PEXPIRE', KEYS[1], ARGV[5])
        redis.call('SET', KEYS[2], ARGV[1] .. '|' .. id, 'PX', ARGV[6])
        return id
        """;

    // Two monitors record a call within moments of each other; a day covers a Redis outage's late hand-over too.
    private static readonly TimeSpan MaxClaimLifetime = TimeSpan.FromDays(1);

    private readonly RedisKey _stream = options.KeyPrefix + "calls";
    private readonly long _maxAgeMilliseconds = (long)options.MaxAge.TotalMilliseconds;
    private readonly long _claimMilliseconds = (long)(options.MaxAge < MaxClaimLifetime ? options.MaxAge : MaxClaimLifetime).TotalMilliseconds;

    /// <summary>Stores <paramref name="record"/> once per call; false when a record of the call that got at least as far is there.</summary>
    public async Task<bool> AppendAsync(CallRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var json = JsonSerializer.Serialize(record with { Id = null }, CallHistoryJsonContext.Default.CallRecord);
        var result = await database.ScriptEvaluateAsync(
            AppendScript,
            [_stream, (RedisKey)(options.KeyPrefix + "call:" + record.CallId)],
            [
                CallRecordRank.Of(record),
                json,
                options.MaxCalls,
                OldestKept() + "-0",
                _maxAgeMilliseconds,
                _claimMilliseconds,
                time.GetUtcNow().ToUnixTimeMilliseconds(),
            ]);
        return !result.IsNull;
    }

    public async Task<CallPage> ReadAsync(CallQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var calls = new List<CallRecord>(Math.Min(query.Limit + 1, CallQuery.MaxLimit + 1));
        RedisValue oldest = OldestKept() + "-0";
        RedisValue newest = query.Before is { } before ? "(" + before : "+";
        while (calls.Count <= query.Limit)
        {
            var entries = await database.StreamRangeAsync(_stream, oldest, newest, ReadChunk, Order.Descending);
            foreach (var entry in entries)
            {
                if (Parse(entry) is { } record && query.Matches(record))
                {
                    calls.Add(record);
                    if (calls.Count > query.Limit)
                    {
                        break;
                    }
                }
            }

            if (entries.Length < ReadChunk)
            {
                break;
            }

            newest = "(" + entries[^1].Id;
        }

        if (calls.Count <= query.Limit)
        {
            return new CallPage(calls, null);
        }

        calls.RemoveAt(calls.Count - 1);
        return new CallPage(calls, calls[^1].Id);
    }

    /// <summary>Deletes every entry <paramref name="match"/> picks, whatever its age; returns how many.</summary>
    public async Task<int> EraseAsync(Func<CallRecord, bool> match)
    {
        ArgumentNullException.ThrowIfNull(match);
        var erased = 0;
        RedisValue from = "-";
        while (true)
        {
            var entries = await database.StreamRangeAsync(_stream, from, "+", ReadChunk, Order.Ascending);
            var doomed = entries.Where(entry => Parse(entry) is { } record && match(record)).Select(entry => entry.Id).ToArray();
            if (doomed.Length > 0)
            {
                erased += (int)await database.StreamDeleteAsync(_stream, doomed);
            }

            if (entries.Length < ReadChunk)
            {
                return erased;
            }

            from = "(" + entries[^1].Id;
        }
    }

    private static CallRecord? Parse(StreamEntry entry)
    {
        var json = entry[RecordField];
        if (json.IsNullOrEmpty)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize((string)json!, CallHistoryJsonContext.Default.CallRecord) is { } record
                ? record with { Id = entry.Id.ToString() }
                : null;
        }
        catch (JsonException)
        {
            // Another program's entry, or one from a newer monitor this one cannot read: not shown, not fatal.
            return null;
        }
    }

    private string OldestKept() =>
        Math.Max(0, time.GetUtcNow().ToUnixTimeMilliseconds() - _maxAgeMilliseconds).ToString(CultureInfo.InvariantCulture);
}
