using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace RenfieldSip.Monitor.Dedup;

/// <summary>
/// The registered <see cref="IDedupStore"/>: the claim policy. Every claim is first recorded in this process's memory
/// (a call this monitor already announced stays suppressed through a Redis outage and back); when Redis is
/// configured it then decides for all monitors. A Redis that is down, slow or not yet connected never blocks a
/// call: the memory answer stands. The connection itself is <see cref="RedisConnection"/>, the outage bookkeeping
/// <see cref="RedisOutage"/>.
/// </summary>
internal sealed class ResilientDedupStore : IDedupStore, IHostedService, IAsyncDisposable
{
    private readonly MemoryDedupStore _memory;
    private readonly DedupOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ResilientDedupStore> _logger;
    private readonly RedisConnection? _redis;

    public ResilientDedupStore(IOptions<DedupOptions> options, TimeProvider timeProvider, ILogger<ResilientDedupStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        _memory = new MemoryDedupStore(timeProvider, _options.Window, MemoryDedupStore.DefaultCapacity);
        if (!string.IsNullOrWhiteSpace(_options.RedisConnectionString))
        {
            _redis = new RedisConnection(_options, logger);
        }
    }

    /// <summary>True while Redis is configured but claims are answered from memory (for the dedup metrics).</summary>
    public bool IsDegraded => _redis?.Outage.IsActive ?? false;

    /// <summary>Claims answered from memory because Redis was unavailable, since start.</summary>
    public long FallbackCount => _redis?.Outage.Fallbacks ?? 0;

    /// <summary>The one Redis connection of the process, shared with the call history; null without Redis.</summary>
    public RedisConnection? Connection => _redis;

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
        var store = _redis.Store;
        if (store is null)
        {
            // Before the first connect has finished there is no outage to report yet.
            _redis.Outage.FellBack(_redis.Attempted ? "not connected" : null);
            return true;
        }

        try
        {
            var claimed = await store.TryClaimAsync(key).WaitAsync(_options.RedisTimeout, _timeProvider, cancellationToken);
            _redis.Outage.End();
            return claimed;
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            _redis.Outage.FellBack(exception.GetType().Name);
            return true;
        }
    }

    /// <summary>What claims rely on right now: a Redis round trip (bounded by <see cref="DedupOptions.RedisTimeout"/>). Reads, changes nothing.</summary>
    public async Task<HealthCheckResult> CheckHealthAsync(CancellationToken cancellationToken)
    {
        if (_redis is null)
        {
            return HealthCheckResult.Healthy("in-memory (no Redis configured)");
        }

        return await _redis.PingAsync(_timeProvider, cancellationToken)
            ? HealthCheckResult.Healthy("Redis reachable")
            : HealthCheckResult.Degraded($"Redis unreachable at {_redis.Endpoint}; de-duplicating in memory");
    }

    public ValueTask DisposeAsync() => _redis?.DisposeAsync() ?? ValueTask.CompletedTask;
}
