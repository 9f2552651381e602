using System.Net;
using System.Net.Sockets;
using RenfieldSip.Monitor.Ami;

namespace RenfieldSip.Tests.Support;

/// <summary>
/// The loopback AMI server of the tests and of the load tool: banner, login (accept or refuse), Ping/Pong, Logoff,
/// and a capture replayed with real or chosen TCP segmentation, or batches the load tool cuts itself. Faults: close
/// (FIN), abort (RST), silence (half-open), stop and restart on the same port (an Asterisk restart), arbitrary bytes.
/// Every wait has a timeout; dispose closes everything.
/// </summary>
internal sealed class AmiTestServer : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<AmiTestServerConnection> _connections = [];
    private TcpListener? _listener;
    private Task _acceptLoop = Task.CompletedTask;
    private int _loginAttempts;

    private AmiTestServer(AmiTestServerOptions options)
    {
        Options = options;
    }

    public AmiTestServerOptions Options { get; }

    public string Host { get; } = "127.0.0.1";

    public int Port { get; private set; }

    public int AcceptedConnections
    {
        get
        {
            lock (_gate)
            {
                return _connections.Count;
            }
        }
    }

    public int LoginAttempts => Volatile.Read(ref _loginAttempts);

    public IReadOnlyList<AmiTestServerConnection> Connections
    {
        get
        {
            lock (_gate)
            {
                return [.. _connections];
            }
        }
    }

    public bool IsListening => _listener is not null;

    internal AmiTestSignal Signal { get; } = new();

    /// <summary>Starts listening on 127.0.0.1 with a free port.</summary>
    public static AmiTestServer Start(AmiTestServerOptions? options = null)
    {
        var server = new AmiTestServer(options ?? new AmiTestServerOptions());
        server.Listen(0);
        return server;
    }

    /// <summary>Client options pointing at this server (with short, test-friendly timeouts).</summary>
    public AmiOptions CreateClientOptions(string username = "callmonitor", string secret = "TestSecret-7f3a-e2e-5b90") => new()
    {
        Host = Host,
        Port = Port,
        Username = username,
        Secret = secret,
    };

    /// <summary>Connections that have been logged in successfully; more than one means the client reconnected.</summary>
    public int Logins => Connections.Count(connection => connection.LoggedIn.IsCompleted);

    public async Task<AmiTestServerConnection> WaitForConnectionAsync(int number, TimeSpan? timeout = null)
    {
        await Signal.WaitUntilAsync(() => AcceptedConnections >= number, $"connection #{number} (have {AcceptedConnections})", timeout).ConfigureAwait(false);
        return Connections[number - 1];
    }

    /// <summary>Waits until connection #<paramref name="number"/> has been logged in successfully.</summary>
    public async Task<AmiTestServerConnection> WaitForLoginAsync(int number, TimeSpan? timeout = null)
    {
        var connection = await WaitForConnectionAsync(number, timeout).ConfigureAwait(false);
        await Signal.WaitUntilAsync(() => connection.LoggedIn.IsCompleted, $"login on connection #{number}", timeout).ConfigureAwait(false);
        return connection;
    }

    public Task WaitForLoginAttemptsAsync(int count, TimeSpan? timeout = null) =>
        Signal.WaitUntilAsync(() => LoginAttempts >= count, $"{count} login attempts (have {LoginAttempts})", timeout);

    /// <summary>Asterisk going down: stop accepting (new connects are refused) and close open sessions (FIN, or RST).</summary>
    public async Task StopAsync(bool abortConnections = false)
    {
        var listener = _listener;
        _listener = null;
        listener?.Stop();
        await _acceptLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        foreach (var connection in Connections)
        {
            if (abortConnections)
            {
                connection.Abort();
            }
            else
            {
                connection.Close();
            }
        }

        Signal.Pulse();
    }

    /// <summary>Asterisk coming back: listen again on the same port.</summary>
    public void Restart()
    {
        if (_listener is not null)
        {
            throw new InvalidOperationException("The server is already listening.");
        }

        Listen(Port);
    }

    /// <summary>Every open connection goes silent (half-open); connections accepted later behave normally.</summary>
    public void GoSilent()
    {
        foreach (var connection in Connections)
        {
            connection.GoSilent();
        }
    }

    public async ValueTask DisposeAsync()
    {
        var listener = _listener;
        _listener = null;
        listener?.Stop();
        await _acceptLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        foreach (var connection in Connections)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    internal void CountLoginAttempt()
    {
        Interlocked.Increment(ref _loginAttempts);
        Signal.Pulse();
    }

    private void Listen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);

        // Restarting on the same port must work while old connections linger in TIME_WAIT.
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _listener = listener;
        _acceptLoop = AcceptLoopAsync(listener);
    }

    private async Task AcceptLoopAsync(TcpListener listener)
    {
        try
        {
            while (true)
            {
                var socket = await listener.AcceptSocketAsync().ConfigureAwait(false);
                AmiTestServerConnection connection;
                lock (_gate)
                {
                    connection = new AmiTestServerConnection(this, socket, _connections.Count + 1, Options);
                    _connections.Add(connection);
                }

                connection.Start();
                Signal.Pulse();
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // Listener stopped.
        }
    }
}
