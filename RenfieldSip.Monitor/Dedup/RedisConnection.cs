using System.Net;
using StackExchange.Redis;

namespace RenfieldSip.Monitor.Dedup;

/// <summary>
/// The Redis connection's lifecycle: connects in the background on first use, never blocks a caller, and reports
/// losing and regaining the connection to the <see cref="RedisOutage"/>.
/// </summary>
internal sealed class RedisConnection : IAsyncDisposable
{
    private readonly ConfigurationOptions _configuration;
    private readonly DedupOptions _options;
    private readonly Lock _connectLock = new();
    private Task? _connecting;
    private volatile ConnectionMultiplexer? _connection;
    private volatile RedisDedupStore? _store;

    public RedisConnection(DedupOptions options, ILogger logger)
    {
        _options = options;
        _configuration = ConfigurationOptions.Parse(options.RedisConnectionString!);
        _configuration.SetDefaultPorts();

        // Start-up must not wait for Redis, and a claim must not queue behind a dead connection.
        _configuration.AbortOnConnectFail = false;
        _configuration.BacklogPolicy = BacklogPolicy.FailFast;

        // Redis is usually a container next door: after a restart it is back in a second, so try every second.
        _configuration.ReconnectRetryPolicy = new LinearRetry(1000);
        _configuration.ClientName ??= "renfieldsip-monitor";
        Endpoint = string.Join(",", _configuration.EndPoints.Select(FormatEndpoint));
        Outage = new RedisOutage(Endpoint, logger);
    }

    /// <summary><c>host:port</c> of the configured endpoints, never the password.</summary>
    public string Endpoint { get; }

    public RedisOutage Outage { get; }

    /// <summary>The claim store, once connected; null while the first connect is under way or failed.</summary>
    public RedisDedupStore? Store => _connection?.IsConnected == true ? _store : null;

    /// <summary>The connection's database for other areas that keep data in the same Redis (the call history); null while not connected.</summary>
    public IDatabase? Database => _connection is { IsConnected: true } connection ? connection.GetDatabase() : null;

    /// <summary>Whether a connect was attempted at all (a claim before that is not an outage).</summary>
    public bool Attempted => _store is not null;

    public void EnsureConnecting()
    {
        if (_connecting is not null)
        {
            return;
        }

        lock (_connectLock)
        {
            _connecting ??= ConnectAsync();
        }
    }

    /// <summary>A round trip, bounded by <see cref="DedupOptions.RedisTimeout"/>; false when not connected or too slow.</summary>
    public async Task<bool> PingAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        var connection = _connection;
        if (connection is null || !connection.IsConnected)
        {
            return false;
        }

        try
        {
            await connection.GetDatabase().PingAsync().WaitAsync(_options.RedisTimeout, time, cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connecting is { } connecting)
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

    private static string FormatEndpoint(EndPoint endpoint) => endpoint switch
    {
        DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
        _ => endpoint.ToString() ?? "?",
    };

    private async Task ConnectAsync()
    {
        try
        {
            // With AbortOnConnectFail off this returns a multiplexer that keeps retrying in the background.
            var connection = await ConnectionMultiplexer.ConnectAsync(_configuration);
            connection.ConnectionFailed += OnConnectionFailed;
            connection.ConnectionRestored += OnConnectionRestored;
            _store = new RedisDedupStore(connection, _options.KeyPrefix, _options.Window);
            _connection = connection;
            if (!connection.IsConnected)
            {
                Outage.Begin("not connected");
            }
        }
        catch (Exception exception) when (exception is RedisException or ArgumentException or IOException)
        {
            Outage.Begin(exception.GetType().Name);
        }
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType == ConnectionType.Interactive)
        {
            Outage.Begin(e.FailureType.ToString());
        }
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType == ConnectionType.Interactive)
        {
            Outage.End();
        }
    }
}
