using System.IO.Pipelines;
using System.Net.Sockets;

namespace RenfieldSip.Monitor.Ami;

/// <summary>
/// One TCP session with the manager interface. This file: connect, the login handshake and the socket's end. The
/// read loop (the only reader of the socket, from the banner on) is in <c>AmiConnection.Read.cs</c>; actions and
/// their correlation in <c>AmiConnection.Write.cs</c>.
/// </summary>
internal sealed partial class AmiConnection : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly PipeReader _reader;
    private readonly AmiOptions _options;
    private readonly TimeProvider _time;
    private readonly AmiConnectionStatus _status;
    private int _disposed;

    private AmiConnection(Socket socket, AmiOptions options, TimeProvider time, AmiConnectionStatus status)
    {
        _socket = socket;
        _options = options;
        _time = time;
        _status = status;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _frames = new AmiFrameReader(options.MaxMessageBytes);

        // Large segments keep most frames inside one segment, which is the zero-copy path of the frame reader.
        _reader = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: 65536, minimumReadSize: 8192));
    }

    public string? Banner { get; private set; }

    /// <summary>Opens the socket with <see cref="AmiOptions.ConnectTimeout"/>; nothing is read yet.</summary>
    public static async Task<AmiConnection> ConnectAsync(AmiOptions options, TimeProvider time, AmiConnectionStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await WithTimeoutAsync(
                time,
                options.ConnectTimeout,
                "TCP connect",
                options.Endpoint,
                async token =>
                {
                    await socket.ConnectAsync(options.Host, options.Port, token).ConfigureAwait(false);
                    return true;
                },
                cancellationToken).ConfigureAwait(false);
            return new AmiConnection(socket, options, time, status);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Waits for the banner the read loop received, then logs in through the loop like any other action. Throws
    /// <see cref="AmiLoginRejectedException"/> when Asterisk says no, and whatever ended the loop if it ended first.
    /// </summary>
    public async Task LoginAsync(string username, string secret, string actionId, CancellationToken cancellationToken)
    {
        Banner = await WithTimeoutAsync(
            _time, _options.ConnectTimeout, "banner", _options.Endpoint, token => new ValueTask<string>(_banner.Task.WaitAsync(token)), cancellationToken).ConfigureAwait(false);

        var login = new AmiAction("Login", actionId)
            .Add("Username", username)
            .Add("Secret", secret)
            .Add("Events", "on");
        var response = await WithTimeoutAsync(
            _time,
            _options.ConnectTimeout,
            "login response",
            _options.Endpoint,
            token => new ValueTask<AmiMessage>(SendActionAsync(login, token)),
            cancellationToken).ConfigureAwait(false);
        if (!string.Equals(response.Name, "Success", StringComparison.OrdinalIgnoreCase))
        {
            throw new AmiLoginRejectedException($"AMI login refused for user '{username}' at {_options.Endpoint}.");
        }
    }

    /// <summary>Drops the connection at once (RST); used when the peer is presumed dead.</summary>
    public void Abort()
    {
        try
        {
            _socket.LingerState = new LingerOption(true, 0);
        }
        catch (ObjectDisposedException)
        {
            // Already gone: nothing left to abort.
        }
        catch (SocketException)
        {
            // The option cannot be set on a broken socket; disposing still tears it down.
        }

        _socket.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        var disposed = new ObjectDisposedException(nameof(AmiConnection));
        _pending.FailAll(disposed);
        _banner.TrySetException(disposed);
        await _reader.CompleteAsync().ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
        _socket.Dispose();
        _writeLock.Dispose();
    }

    private static async Task<T> WithTimeoutAsync<T>(
        TimeProvider time,
        TimeSpan timeout,
        string step,
        string endpoint,
        Func<CancellationToken, ValueTask<T>> operation,
        CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            return await operation(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"AMI {step} with {endpoint} timed out after {timeout} (Ami:ConnectTimeout).");
        }
    }
}
