using System.Net.Sockets;
using System.Text;

namespace RenfieldSip.Tests.Support;

/// <summary>One accepted client of <see cref="AmiTestServer"/>: speaks the server side of AMI and takes scripted faults.</summary>
internal sealed class AmiTestServerConnection : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly AmiTestServer _server;
    private readonly AmiTestServerOptions _options;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly List<AmiTestAction> _received = [];
    private readonly TaskCompletionSource _loggedIn = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _streaming = Task.CompletedTask;
    private Task _run = Task.CompletedTask;
    private volatile bool _silent;
    private int _disposed;

    internal AmiTestServerConnection(AmiTestServer server, Socket socket, int number, AmiTestServerOptions options)
    {
        _server = server;
        _socket = socket;
        _socket.NoDelay = true;
        _stream = new NetworkStream(socket, ownsSocket: false);
        _options = options;
        Number = number;
    }

    /// <summary>1-based order of acceptance.</summary>
    public int Number { get; }

    /// <summary>Every action the client sent, in order.</summary>
    public IReadOnlyList<AmiTestAction> Received
    {
        get
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>Completes when this connection answered a Login with success.</summary>
    public Task LoggedIn => _loggedIn.Task;

    /// <summary>Completes when the connection is over (either side closed it).</summary>
    public Task Closed => _closed.Task;

    public bool IsSilent => _silent;

    /// <summary>Half-open simulation: keep the socket open but stop answering and stop sending.</summary>
    public void GoSilent()
    {
        _silent = true;
        _server.Signal.Pulse();
    }

    /// <summary>Waits for the <paramref name="occurrence"/>-th action named <paramref name="action"/>.</summary>
    public async Task<AmiTestAction> WaitForActionAsync(string action, int occurrence = 1, TimeSpan? timeout = null)
    {
        AmiTestAction? found = null;
        await _server.Signal.WaitUntilAsync(
            () =>
            {
                var matches = Received.Where(a => string.Equals(a.Name, action, StringComparison.OrdinalIgnoreCase)).ToList();
                found = matches.Count >= occurrence ? matches[occurrence - 1] : null;
                return found is not null;
            },
            $"action {action} #{occurrence} on connection {Number}",
            timeout).ConfigureAwait(false);
        return found!;
    }

    /// <summary>Writes bytes as they are (garbage, a hand-made event), optionally cut at <paramref name="splitPoints"/>.</summary>
    public async Task SendAsync(ReadOnlyMemory<byte> bytes, IReadOnlyList<int>? splitPoints = null)
    {
        var start = 0;
        foreach (var cut in (splitPoints ?? []).Where(p => p > 0 && p < bytes.Length).Order().Append(bytes.Length))
        {
            if (_silent)
            {
                return;
            }

            await WriteAsync(bytes[start..cut]).ConfigureAwait(false);
            start = cut;
            if (_options.ChunkDelay > TimeSpan.Zero && cut < bytes.Length)
            {
                await Task.Delay(_options.ChunkDelay, _stop.Token).ConfigureAwait(false);
            }
        }
    }

    public Task SendAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// Writes bytes as they are in one write, for a caller that cuts its own segments (the load tool's pump): no
    /// split points, no chunk delay, nothing allocated here, so a large batch costs one socket write.
    /// </summary>
    public async Task WriteBatchAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        if (!_silent)
        {
            await WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Streams the capture body with the configured segmentation (used automatically unless Manual).</summary>
    public async Task SendCaptureBodyAsync()
    {
        var capture = _options.Capture;
        if (capture is null)
        {
            return;
        }

        IReadOnlyList<int> cuts = _options.Stream switch
        {
            AmiTestStreamMode.FixedChunks => [.. Enumerable.Range(1, capture.Body.Length / Math.Max(1, _options.ChunkSize)).Select(i => i * _options.ChunkSize)],
            AmiTestStreamMode.SplitPoints => _options.SplitPoints,
            _ => capture.RecordedSplitPoints(capture.BodyStart, capture.GoodbyeStart),
        };
        await SendAsync(capture.Body, cuts).ConfigureAwait(false);
        if (_options.SendGoodbyeAndClose && !_silent)
        {
            await SendAsync(capture.Goodbye).ConfigureAwait(false);
            Close();
        }
    }

    /// <summary>Orderly close (FIN), like Asterisk after Logoff or on shutdown.</summary>
    public void Close()
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Send);
        }
        catch (SocketException)
        {
            // Already reset by the client.
        }
        catch (ObjectDisposedException)
        {
            // Already gone.
        }
    }

    /// <summary>Abortive close (RST), like a crashed peer or a firewall reset.</summary>
    public void Abort()
    {
        try
        {
            _socket.LingerState = new LingerOption(true, 0);
            _socket.Close();
        }
        catch (ObjectDisposedException)
        {
            // Already gone.
        }
        catch (SocketException)
        {
            // Already reset.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        Abort();
        await Task.WhenAll(_run, _streaming).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _stream.DisposeAsync().ConfigureAwait(false);
        _socket.Dispose();
        _stop.Dispose();
        _writeLock.Dispose();
    }

    internal void Start() => _run = RunAsync();

    private static string Block(params string[] lines) => string.Concat(lines.Select(line => line + "\r\n")) + "\r\n";

    private async Task RunAsync()
    {
        try
        {
            await WriteAsync(Encoding.UTF8.GetBytes(_options.Banner)).ConfigureAwait(false);
            var pending = new StringBuilder();
            var buffer = new byte[8192];
            while (true)
            {
                var read = await _stream.ReadAsync(buffer, _stop.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    return;
                }

                // Actions are ASCII apart from values; Latin-1 keeps one char per byte so offsets stay exact.
                pending.Append(Encoding.Latin1.GetString(buffer, 0, read));
                string text;
                int end;
                while ((end = (text = pending.ToString()).IndexOf("\r\n\r\n", StringComparison.Ordinal)) >= 0)
                {
                    var raw = text[..(end + 4)];
                    pending.Remove(0, end + 4);
                    await HandleAsync(AmiTestAction.Parse(raw)).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The client or a scripted fault ended the connection; that is the normal end here.
        }
        finally
        {
            _closed.TrySetResult();
            _server.Signal.Pulse();
        }
    }

    private async Task HandleAsync(AmiTestAction action)
    {
        lock (_gate)
        {
            _received.Add(action);
        }

        _server.Signal.Pulse();
        var id = action.ActionId ?? string.Empty;
        switch (action.Name.ToUpperInvariant())
        {
            case "LOGIN":
                await LoginAsync(action, id).ConfigureAwait(false);
                break;
            case "PING" when !_silent:
                await SendAsync(Block("Response: Success", "ActionID: " + id, "Ping: Pong", "Timestamp: 1795513060.123456")).ConfigureAwait(false);
                break;
            case "LOGOFF" when !_silent:
                await SendAsync(Block("Response: Goodbye", "ActionID: " + id, "Message: Thanks for all the fish.")).ConfigureAwait(false);
                Close();
                break;
            default:
                if (!_silent)
                {
                    await SendAsync(Block("Response: Error", "ActionID: " + id, "Message: Permission denied")).ConfigureAwait(false);
                }

                break;
        }
    }

    private async Task LoginAsync(AmiTestAction action, string id)
    {
        _server.CountLoginAttempt();
        var capture = _options.Capture;
        var accept = _options.Login switch
        {
            AmiTestLoginMode.Accept => true,
            AmiTestLoginMode.Reject => false,
            AmiTestLoginMode.Ignore => (bool?)null,
            _ => capture?.LoginSucceeds ?? true,
        };
        if (accept is null || _silent)
        {
            return;
        }

        if (accept.Value
            && (_options.ExpectedUsername is null || _options.ExpectedUsername == action["Username"])
            && (_options.ExpectedSecret is null || _options.ExpectedSecret == action["Secret"]))
        {
            await SendAsync(capture is { LoginSucceeds: true }
                ? capture.LoginResponseFor(id)
                : Encoding.UTF8.GetBytes(Block("Response: Success", "ActionID: " + id, "Message: Authentication accepted"))).ConfigureAwait(false);
            _loggedIn.TrySetResult();
            _server.Signal.Pulse();
            if (_options.Stream != AmiTestStreamMode.Manual && (_options.StreamOnEveryConnection || Number == 1))
            {
                _streaming = Task.Run(SendCaptureBodyAsync);
            }

            return;
        }

        if (_options.LoginFailureDelay > TimeSpan.Zero)
        {
            await Task.Delay(_options.LoginFailureDelay, _stop.Token).ConfigureAwait(false);
        }

        await SendAsync(capture is { LoginSucceeds: false }
            ? capture.LoginResponseFor(id)
            : Encoding.UTF8.GetBytes(Block("Response: Error", "ActionID: " + id, "Message: Authentication failed"))).ConfigureAwait(false);
        Close();
    }

    private Task WriteAsync(ReadOnlyMemory<byte> bytes) => WriteAsync(bytes, _stop.Token);

    // Writes and action responses share one lock, so an answer never lands inside a block being written.
    private async Task WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }
}
