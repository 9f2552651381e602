using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace RenfieldSip.Monitor.Ami;

/// <summary>
/// Keeps one logged-in AMI session alive for the lifetime of the host: connect, login, read, reconnect.
/// Liveness is proven only by Pong answers to our own Pings; received events do not count, because a half-open
/// socket can still deliver bytes that were buffered before the peer died.
/// </summary>
internal sealed class AmiClient : BackgroundService
{
    private static readonly TimeSpan LogoffTimeout = TimeSpan.FromSeconds(2);

    private readonly AmiOptions _options;
    private readonly IAmiEventHandler _handler;
    private readonly AmiConnectionStatus _status;
    private readonly TimeProvider _time;
    private readonly ILogger<AmiClient> _logger;
    private readonly AmiRetryDelays _delays;
    private long _actionSequence;
    private int _attempts;

    public AmiClient(
        IOptions<AmiOptions> options,
        IAmiEventHandler handler,
        AmiConnectionStatus status,
        TimeProvider time,
        ILogger<AmiClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _handler = handler;
        _status = status;
        _time = time;
        _logger = logger;
        _delays = new AmiRetryDelays(_options, Random.Shared);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var delay = await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            if (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            await Task.Delay(delay, _time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _status.SetState(AmiConnectionState.Disconnected);
    }

    /// <summary>
    /// One attempt: connect, log in, run the session until it ends. Returns how long to wait before the next one.
    /// Separate from the loop so tests can drive single attempts.
    /// </summary>
    internal async Task<TimeSpan> RunOnceAsync(CancellationToken stoppingToken)
    {
        if (++_attempts > 1)
        {
            _status.AddReconnect();
        }

        // A refused login stays visible as such while we retry; "Connecting" would hide the reason from /health.
        if (_status.State != AmiConnectionState.LoginRejected)
        {
            _status.SetState(AmiConnectionState.Connecting);
        }

        Log.Connecting(_logger, _options.Endpoint, _options.Username);
        AmiConnection? connection = null;
        var sessionStarted = false;

        // Not tied to stoppingToken: at shutdown the loop must keep reading to see the Logoff answer.
        using var readCancellation = new CancellationTokenSource();
        var reading = Task.CompletedTask;
        try
        {
            connection = await AmiConnection.ConnectAsync(_options, _time, _status, stoppingToken).ConfigureAwait(false);
            reading = connection.RunAsync(_handler, ex => Log.HandlerFailed(_logger, ex), readCancellation.Token);
            await connection.LoginAsync(_options.Username, _options.Secret ?? string.Empty, NextActionId("login"), stoppingToken).ConfigureAwait(false);

            _delays.Reset();
            _status.SetState(AmiConnectionState.LoggedIn);
            Log.LoggedIn(_logger, _options.Endpoint, _options.Username, connection.Banner ?? string.Empty);
            sessionStarted = true;

            await RunSessionAsync(connection, reading, stoppingToken).ConfigureAwait(false);
            return TimeSpan.Zero;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return TimeSpan.Zero;
        }
        catch (AmiLoginRejectedException)
        {
            var delay = _delays.NextLoginRetry();
            _status.AddLoginFailure();
            _status.SetLastError($"AMI login refused for user '{_options.Username}' — check AMI_SECRET and the [{_options.Username}] entry in manager.conf");
            _status.SetState(AmiConnectionState.LoginRejected);
            Log.LoginRejected(_logger, _options.Username, _options.Endpoint, delay);
            return delay;
        }
#pragma warning disable CA1031 // Whatever ended the session, the answer is the same: back off and reconnect.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return OnSessionFailed(ex, sessionStarted);
        }
        finally
        {
            if (sessionStarted)
            {
                EndSession();
            }

            await readCancellation.CancelAsync().ConfigureAwait(false);
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            await reading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

            if (stoppingToken.IsCancellationRequested)
            {
                _status.SetState(AmiConnectionState.Disconnected);
            }
        }
    }

    private static string Describe(Exception exception) => exception switch
    {
        AmiProtocolException or AmiConnectionLostException or TimeoutException => exception.Message,
        SocketException socket => $"socket error {socket.SocketErrorCode}",
        IOException { InnerException: SocketException socket } => $"socket error {socket.SocketErrorCode}",
        IOException io => io.Message,
        ObjectDisposedException => "the connection was closed",
        _ => exception.GetType().Name,
    };

    private async Task RunSessionAsync(AmiConnection connection, Task readTask, CancellationToken stoppingToken)
    {
        // The ping loop is not tied to stoppingToken either: shutdown must be seen here first, to log off.
        using var pingCancellation = new CancellationTokenSource();
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = stoppingToken.Register(static state => ((TaskCompletionSource)state!).TrySetResult(), stopped);

        var pingTask = PingLoopAsync(connection, pingCancellation.Token);
        var graceful = false;
        try
        {
            var first = await Task.WhenAny(readTask, pingTask, stopped.Task).ConfigureAwait(false);
            if (first == stopped.Task)
            {
                graceful = true;
                await pingCancellation.CancelAsync().ConfigureAwait(false);
                await LogoffAsync(connection).ConfigureAwait(false);
                return;
            }

            // Both loops end only by exception; rethrow the one that ended the session.
            await first.ConfigureAwait(false);
            throw new AmiConnectionLostException("The AMI session ended unexpectedly.");
        }
        finally
        {
            await pingCancellation.CancelAsync().ConfigureAwait(false);
            if (!graceful)
            {
                connection.Abort();
            }

            await pingTask.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task PingLoopAsync(AmiConnection connection, CancellationToken cancellationToken)
    {
        while (true)
        {
            await Task.Delay(_options.PingInterval, _time, cancellationToken).ConfigureAwait(false);
            var ping = new AmiAction("Ping", NextActionId("ping"));
            try
            {
                // Any answer proves the peer is alive; only silence is fatal.
                await connection.SendActionAsync(ping, cancellationToken)
                    .WaitAsync(_options.PongTimeout, _time, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                Log.PongTimeout(_logger, _options.Endpoint, _options.PongTimeout);
                throw new AmiConnectionLostException(
                    $"no answer to Ping within {_options.PongTimeout} (Ami:PongTimeout); the connection is half-open");
            }
        }
    }

    private async Task LogoffAsync(AmiConnection connection)
    {
        using var timeout = new CancellationTokenSource(LogoffTimeout, _time);
        var logoff = connection.SendActionAsync(new AmiAction("Logoff", NextActionId("logoff")), timeout.Token);
        await ((Task)logoff).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (logoff.IsCompletedSuccessfully)
        {
            Log.LoggedOff(_logger, _options.Endpoint);
        }
        else
        {
            Log.LogoffUnanswered(_logger, _options.Endpoint);
        }
    }

    private TimeSpan OnSessionFailed(Exception exception, bool sessionStarted)
    {
        var reason = Describe(exception);
        if (exception is AmiProtocolException)
        {
            _status.AddProtocolError();
            Log.ProtocolError(_logger, _options.Endpoint, reason);
        }

        _status.SetLastError(reason);
        _status.SetState(AmiConnectionState.Disconnected);
        var delay = _delays.NextReconnect();
        if (sessionStarted)
        {
            Log.SessionLost(_logger, _options.Endpoint, reason, delay);
        }
        else if (_delays.FailedAttempts == 1)
        {
            Log.ConnectFailed(_logger, _options.Endpoint, reason, _options.ReconnectMaxDelay);
        }
        else
        {
            Log.ConnectFailedAgain(_logger, _options.Endpoint, _delays.FailedAttempts, reason, delay);
        }

        return delay;
    }

    private void EndSession()
    {
        try
        {
            _handler.OnSessionEnded();
        }
#pragma warning disable CA1031 // The handler's failure must not stop the reconnect loop.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.HandlerFailed(_logger, ex);
        }
    }

    private string NextActionId(string purpose) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"renfieldsip-{purpose}-{Interlocked.Increment(ref _actionSequence)}");
}
