using System.Net;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace RenfieldSip.Monitor.Redis;

/// <summary>
/// The process's one Redis connection: connects in the background on first use, never blocks a caller, and tells the
/// areas that keep data in Redis when it is lost and regained. Without <c>ConnectionStrings:redis</c> it is not
/// configured and every area works from memory.
/// </summary>
internal sealed class RedisConnection : IAsyncDisposable
{
    private readonly ConfigurationOptions? _configuration;
    private readonly Lock _connectLock = new();
    private Task? _connecting;
    private volatile ConnectionMultiplexer? _connection;
    private volatile bool _attempted;

    public RedisConnection(IOptions<RedisOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Value.ConnectionString))
        {
            Endpoint = "";
            return;
        }

        _configuration = ConfigurationOptions.Parse(options.Value.ConnectionString);
        _configuration.SetDefaultPorts();

        // Start-up must not wait for Redis, and a claim must not queue behind a dead connection.
        _configuration.AbortOnConnectFail = false;
        _configuration.BacklogPolicy = BacklogPolicy.FailFast;

        // Redis is usually a container next door: after a restart it is back in a second, so try every second.
        _configuration.ReconnectRetryPolicy = new LinearRetry(1000);
        _configuration.ClientName ??= "renfieldsip-monitor";
        Endpoint = string.Join(",", _configuration.EndPoints.Select(FormatEndpoint));
    }

    /// <summary>The connection was lost (with the reason: a failure type or exception name, never the connection string).</summary>
    public event Action<string>? Lost;

    /// <summary>The connection is back after <see cref="Lost"/>.</summary>
    public event Action? Restored;

    public bool IsConfigured => _configuration is not null;

    /// <summary><c>host:port</c> of the configured endpoints, never the password; empty when not configured.</summary>
    public string Endpoint { get; }

    /// <summary>The connection while connected; null while the first connect is under way, failed or Redis is away.</summary>
    public IConnectionMultiplexer? Multiplexer => _connection is { IsConnected: true } connection ? connection : null;

    /// <summary>The connection's database while connected; null otherwise.</summary>
    public IDatabase? Database => Multiplexer?.GetDatabase();

    /// <summary>Whether the first connect has finished, successfully or not (a caller before that sees no outage).</summary>
    public bool Attempted => _attempted;

    public void EnsureConnecting()
    {
        if (_connecting is not null || _configuration is null)
        {
            return;
        }

        lock (_connectLock)
        {
            _connecting ??= ConnectAsync(_configuration);
        }
    }

    /// <summary>A round trip bounded by <paramref name="timeout"/>; false when not connected or too slow.</summary>
    public async Task<bool> PingAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Multiplexer is not { } connection)
        {
            return false;
        }

        try
        {
            await connection.GetDatabase().PingAsync().WaitAsync(timeout, time, cancellationToken);
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

    private async Task ConnectAsync(ConfigurationOptions configuration)
    {
        try
        {
            // With AbortOnConnectFail off this returns a multiplexer that keeps retrying in the background.
            var connection = await ConnectionMultiplexer.ConnectAsync(configuration);
            connection.ConnectionFailed += OnConnectionFailed;
            connection.ConnectionRestored += OnConnectionRestored;
            _connection = connection;
            _attempted = true;
            if (!connection.IsConnected)
            {
                Lost?.Invoke("not connected");
            }
        }
        catch (Exception exception) when (exception is RedisException or ArgumentException or IOException)
        {
            _attempted = true;
            Lost?.Invoke(exception.GetType().Name);
        }
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType == ConnectionType.Interactive)
        {
            Lost?.Invoke(e.FailureType.ToString());
        }
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType == ConnectionType.Interactive)
        {
            Restored?.Invoke();
        }
    }
}
