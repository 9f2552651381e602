using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Text;

namespace RenfieldSip.Monitor.Ami;

/// <summary>
/// One TCP session with the manager interface: connect, banner, login, then the read loop. The loop is the
/// transport layer only: framing is <see cref="AmiFrameReader"/>, meaning is the <see cref="IAmiEventHandler"/>.
/// </summary>
internal sealed class AmiConnection : IAsyncDisposable
{
    private const string BannerPrefix = "Asterisk Call Manager/";
    private const int MaxBannerBytes = 1024;

    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly PipeReader _reader;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<AmiMessage>> _pending = new(StringComparer.Ordinal);
    private readonly AmiFrameScratch _scratch = new();
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

    /// <summary>Reads the banner and logs in. Throws <see cref="AmiLoginRejectedException"/> when Asterisk says no.</summary>
    public async Task LoginAsync(string username, string secret, string actionId, CancellationToken cancellationToken)
    {
        Banner = await WithTimeoutAsync(_time, _options.ConnectTimeout, "banner", _options.Endpoint, ReadBannerAsync, cancellationToken).ConfigureAwait(false);
        if (!Banner.StartsWith(BannerPrefix, StringComparison.Ordinal))
        {
            throw new AmiProtocolException($"The peer at {_options.Endpoint} is not an Asterisk manager interface (unexpected banner); check Ami:Host and Ami:Port.");
        }

        var login = new AmiAction("Login", actionId)
            .Add("Username", username)
            .Add("Secret", secret)
            .Add("Events", "on");
        await WriteAsync(login, cancellationToken).ConfigureAwait(false);

        var response = await WithTimeoutAsync(
            _time,
            _options.ConnectTimeout,
            "login response",
            _options.Endpoint,
            token => ReadResponseAsync(actionId, token),
            cancellationToken).ConfigureAwait(false);
        if (!string.Equals(response.Name, "Success", StringComparison.OrdinalIgnoreCase))
        {
            throw new AmiLoginRejectedException($"AMI login refused for user '{username}' at {_options.Endpoint}.");
        }
    }

    /// <summary>
    /// The read loop: events go to <paramref name="handler"/> synchronously, responses complete
    /// <see cref="SendActionAsync"/>. Ends only by exception: EOF is <see cref="AmiConnectionLostException"/>.
    /// </summary>
    public async Task RunAsync(IAmiEventHandler handler, Action<Exception> onHandlerError, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var result = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                var buffer = result.Buffer;
                var before = buffer.Length;
                var events = ProcessFrames(ref buffer, handler, onHandlerError);
                _status.AddRead(events, before - buffer.Length);
                _reader.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    throw new AmiConnectionLostException($"The AMI server at {_options.Endpoint} closed the connection.");
                }
            }
        }
        catch (Exception ex)
        {
            FailPending(ex);
            throw;
        }
    }

    /// <summary>Sends an action and completes with the response carrying its ActionID.</summary>
    public async Task<AmiMessage> SendActionAsync(AmiAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var completion = new TaskCompletionSource<AmiMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.TryAdd(action.ActionId, completion))
        {
            throw new InvalidOperationException("An action with this ActionID is already pending.");
        }

        try
        {
            await WriteAsync(action, cancellationToken).ConfigureAwait(false);
            return await completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _pending.TryRemove(action.ActionId, out _);
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

        FailPending(new ObjectDisposedException(nameof(AmiConnection)));
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

    private async ValueTask<string> ReadBannerAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (AmiFrameReader.TryReadBanner(ref buffer, MaxBannerBytes, out var banner))
            {
                _reader.AdvanceTo(buffer.Start);
                return banner;
            }

            _reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                throw new AmiConnectionLostException($"The AMI server at {_options.Endpoint} closed the connection before sending its banner.");
            }
        }
    }

    // Only used before the read loop starts (login), so it may allocate; anything but the awaited response is dropped.
    private async ValueTask<AmiMessage> ReadResponseAsync(string actionId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            var before = buffer.Length;
            var response = ReadMatchingResponse(ref buffer, actionId);
            _status.AddRead(0, before - buffer.Length);
            if (response is not null)
            {
                _reader.AdvanceTo(buffer.Start);
                return response;
            }

            _reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                throw new AmiConnectionLostException($"The AMI server at {_options.Endpoint} closed the connection before answering the login.");
            }
        }
    }

    private AmiMessage? ReadMatchingResponse(ref ReadOnlySequence<byte> buffer, string actionId)
    {
        while (AmiFrameReader.TryReadFrame(ref buffer, _options.MaxMessageBytes, out var block))
        {
            var frame = new AmiFrame(_scratch.GetContiguous(block));
            if (frame.Kind == AmiFrameKind.Response
                && frame.TryGetValue("ActionID"u8, out var id)
                && Ascii.Equals(id, actionId))
            {
                return AmiMessage.FromFrame(frame);
            }
        }

        return null;
    }

    private int ProcessFrames(ref ReadOnlySequence<byte> buffer, IAmiEventHandler handler, Action<Exception> onHandlerError)
    {
        var events = 0;
        while (AmiFrameReader.TryReadFrame(ref buffer, _options.MaxMessageBytes, out var block))
        {
            var frame = new AmiFrame(_scratch.GetContiguous(block));
            switch (frame.Kind)
            {
                case AmiFrameKind.Event:
                    events++;
                    try
                    {
                        handler.OnEvent(frame);
                    }
#pragma warning disable CA1031 // A bug in one event's handling must not cost the session and every later call.
                    catch (Exception ex)
#pragma warning restore CA1031
                    {
                        onHandlerError(ex);
                    }

                    break;
                case AmiFrameKind.Response:
                    CompletePending(frame);
                    break;
                default:
                    break;
            }
        }

        return events;
    }

    private void CompletePending(AmiFrame frame)
    {
        if (_pending.IsEmpty || !frame.TryGetValue("ActionID"u8, out var id))
        {
            return;
        }

        // Responses are rare (login, ping, logoff), so decoding the id to look it up is fine here.
        var actionId = Encoding.UTF8.GetString(id);
        if (_pending.TryRemove(actionId, out var completion))
        {
            completion.TrySetResult(AmiMessage.FromFrame(frame));
        }
    }

    private void FailPending(Exception reason)
    {
        foreach (var pending in _pending)
        {
            if (_pending.TryRemove(pending.Key, out var completion))
            {
                completion.TrySetException(reason);
            }
        }
    }

    // Serialised so a Ping from the keepalive loop cannot interleave with a Logoff or any other action.
    private async ValueTask WriteAsync(AmiAction action, CancellationToken cancellationToken)
    {
        var bytes = action.ToBytes();
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }
}
