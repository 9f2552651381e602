using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.Redis;
using StackExchange.Redis;

namespace RenfieldSip.Monitor.Dedup;

/// <summary>
/// The registered <see cref="IDedupStore"/>: the claim policy. Every claim is first recorded in this process's memory
/// (a call this monitor already announced stays suppressed through a Redis outage and back); when Redis is
/// configured it then decides for all monitors. A Redis that is down, slow or not yet connected never blocks a
/// call: the memory answer stands. The connection is the process's <see cref="RedisConnection"/>.
/// </summary>
internal sealed class ResilientDedupStore : IDedupStore, IHostedService
{
    private readonly MemoryDedupStore _memory;
    private readonly DedupOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ResilientDedupStore> _logger;
    private readonly RedisConnection? _redis;
    private readonly RedisOutage _outage = new();
    private long _fallbacks;
    private RedisDedupStore? _store;

    public ResilientDedupStore(IOptions<DedupOptions> options, RedisConnection redis, TimeProvider timeProvider, ILogger<ResilientDedupStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(redis);
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        _memory = new MemoryDedupStore(timeProvider, _options.Window, MemoryDedupStore.DefaultCapacity);
        if (redis.IsConfigured)
        {
            _redis = redis;
            redis.Lost += Begin;
            redis.Restored += End;
        }
    }

    /// <summary>True while Redis is configured but claims are answered from memory (for the dedup metrics).</summary>
    public bool IsDegraded => _outage.IsActive;

    /// <summary>Claims answered from memory because Redis was unavailable, since start.</summary>
    public long FallbackCount => Interlocked.Read(ref _fallbacks);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_redis is null)
        {
            Log.InMemory(_logger, _options.Window);
        }
        else
        {
            Log.UsingRedis(_logger, _redis.Endpoint, _options.Window);
            _redis.EnsureConnecting();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask<bool> TryClaimAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();
        if (!_memory.TryClaim(key))
        {
            return false;
        }

        if (_redis is null)
        {
            return true;
        }

        _redis.EnsureConnecting();
        if (_redis.Multiplexer is not { } connection)
        {
            // Before the first connect has finished there is no outage to report yet.
            FellBack(_redis.Attempted ? "not connected" : null);
            return true;
        }

        try
        {
            var store = _store ??= new RedisDedupStore(connection, _options.KeyPrefix, _options.Window);
            var claimed = await store.TryClaimAsync(key).WaitAsync(_options.RedisTimeout, _timeProvider, cancellationToken);
            End();
            return claimed;
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            FellBack(exception.GetType().Name);
            return true;
        }
    }

    private void Begin(string reason)
    {
        if (_outage.Begin())
        {
            Log.RedisUnreachable(_logger, _redis!.Endpoint, reason);
        }
    }

    private void End()
    {
        if (_outage.End())
        {
            Log.RedisBack(_logger, _redis!.Endpoint);
        }
    }

    /// <summary>A claim was answered from memory; <paramref name="reason"/> (when known) begins an outage.</summary>
    private void FellBack(string? reason)
    {
        Interlocked.Increment(ref _fallbacks);
        if (reason is not null)
        {
            Begin(reason);
        }

        Log.ClaimFellBack(_logger, _redis!.Endpoint);
    }
}
