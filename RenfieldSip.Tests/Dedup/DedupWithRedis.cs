using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.Dedup;
using RenfieldSip.Monitor.Redis;

namespace RenfieldSip.Tests.Dedup;

/// <summary>The dedup store on its own Redis connection with the Redis health check, wired as the host wires them.</summary>
internal sealed class DedupWithRedis : IAsyncDisposable
{
    private readonly RedisConnection _connection;
    private readonly ResilientDedupStore _store;
    private readonly RedisHealthCheck _health;

    public DedupWithRedis(string? connectionString, ILogger<ResilientDedupStore> logger)
    {
        _connection = new RedisConnection(Options.Create(new RedisOptions { ConnectionString = connectionString }));
        _store = new ResilientDedupStore(Options.Create(new DedupOptions { KeyPrefix = "test:" }), _connection, TimeProvider.System, logger);
        _health = new RedisHealthCheck(_connection, TimeProvider.System);
    }

    public bool IsDegraded => _store.IsDegraded;

    public long FallbackCount => _store.FallbackCount;

    public Task StartAsync(CancellationToken cancellationToken) => _store.StartAsync(cancellationToken);

    public ValueTask<bool> TryClaimAsync(string key, CancellationToken cancellationToken) => _store.TryClaimAsync(key, cancellationToken);

    public Task<HealthCheckResult> CheckHealthAsync(CancellationToken cancellationToken) => _health.CheckHealthAsync(new HealthCheckContext(), cancellationToken);

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
