using System.Net;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace RenfieldSip.Monitor.Dedup;

/// <summary>
/// The registered <see cref="IDedupStore"/>. Every claim is first recorded in this process's memory (a call this
/// monitor already announced stays suppressed through a Redis outage and back); when Redis is configured it then
/// decides for all monitors. A Redis that is down, slow or not yet connected never blocks a call: the memory
/// answer stands, health turns Degraded, and one warning is logged per outage.
/// </summary>
internal sealed class ResilientDedupStore : IDedupStore, IHostedService, IAsyncDisposable
{
    private readonly MemoryDedupStore _memory;
    private readonly DedupOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ResilientDedupStore> _logger;
    private readonly ConfigurationOptions? _redisConfiguration;
    private readonly Lock _connectLock = new();
    private Task? _connecting;
    private volatile ConnectionMultiplexer? _connection;
    private volatile RedisDedupStore? _redis;
    private int _outage;
    private long _fallbacks;

    public ResilientDedupStore(IOptions<DedupOptions> options, TimeProvider timeProvider, ILogger<ResilientDedupStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        _memory = new MemoryDedupStore(timeProvider, _options.Window, MemoryDedupStore.DefaultCapacity);
        if (!string.IsNullOrWhiteSpace(_options.RedisConnectionString))
        {
            var configuration = ConfigurationOptions.Parse(_options.RedisConnectionString);
            configuration.SetDefaultPorts();
            // Start-up must not wait for Redis, and a claim must not queue behind a dead connection.
            configuration.AbortOnConnectFail = false;
            configuration.BacklogPolicy = BacklogPolicy.FailFast;
            // Redis is usually a container next door: after a restart it is back in a second, so try every second.
            configuration.ReconnectRetryPolicy = new LinearRetry(1000);
            configuration.ClientName ??= "renfieldsip-monitor";
            _redisConfiguration = configuration;
            RedisEndpoint = string.Join(",", configuration.EndPoints.Select(FormatEndpoint));
        }
    }

    /// <summary>True when a Redis connection string was given.</summary>
    public bool IsRedisConfigured => _redisConfiguration is not null;

    /// <summary>True while Redis is configured but claims are answered from memory (for the dedup metrics and health).</summary>
    public bool IsDegraded => Volatile.Read(ref _outage) == 1;

    /// <summary>Claims answered from memory because Redis was unavailable, since start.</summary>
    public long FallbackCount => Interlocked.Read(ref _fallbacks);

    /// <summary><c>host:port</c> of the configured Redis endpoints, never the password; null without Redis.</summary>
    public string? RedisEndpoint { get; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_redisConfiguration is null)
        {
            Log.InMemory(_logger, _options.Window);
        }
        else
        {
            Log.UsingRedis(_logger, RedisEndpoint!, _options.Window);
            EnsureConnecting();
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

        if (_redisConfiguration is null)
        {
            return true;
        }

        EnsureConnecting();
        var redis = _redis;
        if (redis is null || _connection?.IsConnected != true)
        {
            FallBack(redis is null ? null : "not connected");
            return true;
        }

        try
        {
            var claimed = await redis.TryClaimAsync(key).WaitAsync(_options.RedisTimeout, _timeProvider, cancellationToken);
            EndOutage();
            return claimed;
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            FallBack(exception.GetType().Name);
            return true;
        }
    }

    /// <summary>Pings Redis (bounded by <see cref="DedupOptions.RedisTimeout"/>) and reports what claims rely on.</summary>
    public async Task<HealthCheckResult> CheckHealthAsync(CancellationToken cancellationToken)
    {
        if (_redisConfiguration is null)
        {
            return HealthCheckResult.Healthy("in-memory (no Redis configured)");
        }

        EnsureConnecting();
        var connection = _connection;
        if (connection is not null && connection.IsConnected)
        {
            try
            {
                await connection.GetDatabase().PingAsync().WaitAsync(_options.RedisTimeout, _timeProvider, cancellationToken);
                EndOutage();
                return HealthCheckResult.Healthy("Redis reachable");
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                BeginOutage(exception.GetType().Name);
            }
        }
        else if (connection is not null)
        {
            BeginOutage("not connected");
        }

        return HealthCheckResult.Degraded($"Redis unreachable at {RedisEndpoint}; de-duplicating in memory");
    }

    public async ValueTask DisposeAsync()
    {
        var connecting = _connecting;
        if (connecting is not null)
        {
            await connecting;
        }

        if (_connection is { } connection)
        {
            connection.ConnectionFailed -= OnConnectionFailed;
            connection.ConnectionRestored -= OnConnectionRestored;
            await connection.DisposeAsync();
        }
    }

    private void EnsureConnecting()
    {
        if (_connecting is not null || _redisConfiguration is null)
        {
            return;
        }

        lock (_connectLock)
        {
            _connecting ??= ConnectAsync(_redisConfiguration);
        }
    }

    private async Task ConnectAsync(ConfigurationOptions configuration)
    {
        try
        {
            // With AbortOnConnectFail off this returns a multiplexer that keeps retrying in the background.
            var connection = await ConnectionMultiplexer.ConnectAsync(configuration);
            connection.ConnectionFailed += OnConnectionFailed;
            connection.ConnectionRestored += OnConnectionRestored;
            _redis = new RedisDedupStore(connection, _options.KeyPrefix, _options.Window);
            _connection = connection;
            if (!connection.IsConnected)
            {
                BeginOutage("not connected");
            }
        }
        catch (Exception exception) when (exception is RedisException or ArgumentException or IOException)
        {
            BeginOutage(exception.GetType().Name);
        }
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType == ConnectionType.Interactive)
        {
            BeginOutage(e.FailureType.ToString());
        }
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType == ConnectionType.Interactive)
        {
            EndOutage();
        }
    }

    private void FallBack(string? reason)
    {
        Interlocked.Increment(ref _fallbacks);
        if (reason is not null)
        {
            BeginOutage(reason);
        }

        Log.ClaimFellBack(_logger, RedisEndpoint!);
    }

    private void BeginOutage(string reason)
    {
        if (Interlocked.Exchange(ref _outage, 1) == 0)
        {
            Log.RedisUnreachable(_logger, RedisEndpoint!, reason);
        }
    }

    private void EndOutage()
    {
        if (Interlocked.Exchange(ref _outage, 0) == 1)
        {
            Log.RedisBack(_logger, RedisEndpoint!);
        }
    }

    private static string FormatEndpoint(EndPoint endpoint) => endpoint switch
    {
        DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
        _ => endpoint.ToString() ?? "?",
    };
}
