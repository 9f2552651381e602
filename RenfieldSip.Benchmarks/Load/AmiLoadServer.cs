using System.Net;
using System.Net.Sockets;

namespace RenfieldSip.Benchmarks.Load;

/// <summary>
/// The fake Asterisk on 127.0.0.1. Every connection gets a session; the first one to log in after
/// <see cref="NextLoginAsync"/> is handed to the caller to stream into. Later connections (a reconnecting
/// monitor) are served but not streamed to, and counted, because a reconnect during a run is a finding.
/// </summary>
internal sealed class AmiLoadServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly TimeProvider _timeProvider;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<AmiLoadSession> _sessions = [];
    private readonly Lock _gate = new();
    private TaskCompletionSource<AmiLoadSession>? _waiter;
    private Task _accepting = Task.CompletedTask;
    private int _logins;

    public AmiLoadServer(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Logins => Volatile.Read(ref _logins);

    public void Start()
    {
        _listener.Start();
        _accepting = AcceptAsync(_stopping.Token);
    }

    /// <summary>Completes with the next session that logs in.</summary>
    public Task<AmiLoadSession> NextLoginAsync()
    {
        lock (_gate)
        {
            _waiter = new TaskCompletionSource<AmiLoadSession>(TaskCreationOptions.RunContinuationsAsynchronously);
            return _waiter.Task;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping the listener ends the accept loop.
        }

        AmiLoadSession[] sessions;
        lock (_gate)
        {
            sessions = [.. _sessions];
            _sessions.Clear();
        }

        foreach (var session in sessions)
        {
            await session.DisposeAsync();
        }

        _stopping.Dispose();
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var socket = await _listener.AcceptSocketAsync(cancellationToken);
            socket.NoDelay = true;
            var session = new AmiLoadSession(socket, _timeProvider);
            lock (_gate)
            {
                _sessions.Add(session);
            }

            session.Start();
            _ = OfferOnLoginAsync(session);
        }
    }

    private async Task OfferOnLoginAsync(AmiLoadSession session)
    {
        await session.LoggedIn;
        Interlocked.Increment(ref _logins);
        lock (_gate)
        {
            if (_waiter is { } waiter)
            {
                _waiter = null;
                waiter.TrySetResult(session);
            }
        }
    }
}
