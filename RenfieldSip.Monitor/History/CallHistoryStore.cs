using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.Dedup;
using StackExchange.Redis;

namespace RenfieldSip.Monitor.History;

/// <summary>
/// Where the history lives: Redis when configured (through the process's one Redis connection), memory otherwise. A
/// Redis that is down, slow or not yet connected costs no call its record: it is kept in memory, shown from there,
/// and handed to Redis with the next record that Redis takes.
/// </summary>
internal sealed class CallHistoryStore : IHostedService
{
    // Records are written in the background and pages are read by people: both can wait longer than a dedup claim.
    private static readonly TimeSpan RedisTimeout = TimeSpan.FromSeconds(2);

    private readonly MemoryCallHistoryStore _memory;
    private readonly HistoryOptions _options;
    private readonly RedisConnection? _redis;
    private readonly HistoryOutage? _outage;
    private readonly TimeProvider _time;
    private readonly ILogger<CallHistoryStore> _logger;

    public CallHistoryStore(IOptions<HistoryOptions> options, ResilientDedupStore dedup, TimeProvider time, ILogger<CallHistoryStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(dedup);
        _options = options.Value;
        _time = time;
        _logger = logger;
        _memory = new MemoryCallHistoryStore(time, _options.MaxCalls, _options.MaxAge);
        _redis = dedup.Connection;
        if (_redis is not null)
        {
            _outage = new HistoryOutage(_redis.Endpoint, logger);
        }
    }

    /// <summary>True while Redis is configured but the history is kept in memory.</summary>
    public bool IsDegraded => _outage?.IsActive ?? false;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_redis is null)
        {
            Log.InMemory(_logger, _options.MaxCalls, _options.MaxAge);
        }
        else
        {
            Log.UsingRedis(_logger, _redis.Endpoint, _options.MaxCalls, _options.MaxAge);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Stores the record of one call (once per call, see <see cref="CallRecordRank"/>). Never throws for a Redis outage.
    /// Called by the one <see cref="CallHistoryWriter"/> loop, so records never race each other here.
    /// </summary>
    public async Task AppendAsync(CallRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (Redis() is not { } redis)
        {
            _memory.Append(record);
            return;
        }

        try
        {
            await redis.AppendAsync(record).WaitAsync(RedisTimeout, _time, cancellationToken);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            _memory.Append(record);
            _outage!.Begin(exception.GetType().Name);
            return;
        }

        await HandOverAsync(redis, cancellationToken);
    }

    public async Task<CallPage> ReadAsync(CallQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (Redis() is not { } redis)
        {
            return _memory.Read(query);
        }

        try
        {
            return await redis.ReadAsync(query).WaitAsync(RedisTimeout, _time, cancellationToken);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            _outage!.Begin(exception.GetType().Name);
            return _memory.Read(query);
        }
    }

    /// <summary>
    /// Removes every stored record <paramref name="match"/> picks, from memory and from Redis; returns how many. Throws
    /// <see cref="RedisException"/> or <see cref="TimeoutException"/> when Redis is configured but cannot erase now:
    /// an erasure must not report success while the records stay.
    /// </summary>
    public async Task<int> EraseAsync(Func<CallRecord, bool> match, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(match);
        var erased = _memory.Erase(match);
        if (_redis is null)
        {
            return erased;
        }

        var redis = Redis() ?? throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "Redis is not connected");
        return erased + await redis.EraseAsync(match).WaitAsync(RedisTimeout, _time, cancellationToken);
    }

    private RedisCallHistoryStore? Redis()
    {
        if (_redis is null)
        {
            return null;
        }

        _redis.EnsureConnecting();
        if (_redis.Database is { } database)
        {
            return new RedisCallHistoryStore(database, _options, _time);
        }

        // Before the first connect has finished there is no outage to report yet.
        if (_redis.Attempted)
        {
            _outage!.Begin("not connected");
        }

        return null;
    }

    /// <summary>Records kept in memory while Redis was away go to Redis, oldest first; the per-call claim keeps them single.</summary>
    private async Task HandOverAsync(RedisCallHistoryStore redis, CancellationToken cancellationToken)
    {
        if (_memory.Count == 0)
        {
            _outage!.End(0);
            return;
        }

        var kept = _memory.TakeAll();
        for (var i = 0; i < kept.Count; i++)
        {
            try
            {
                await redis.AppendAsync(kept[i]).WaitAsync(RedisTimeout, _time, cancellationToken);
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                for (var j = i; j < kept.Count; j++)
                {
                    _memory.Append(kept[j]);
                }

                _outage!.Begin(exception.GetType().Name);
                return;
            }
        }

        _outage!.End(kept.Count);
    }
}
