using System.Globalization;
using System.Net.Sockets;
using System.Text;
using RenfieldSip.Monitor.Ami;

namespace RenfieldSip.Benchmarks.Load;

/// <summary>
/// One client connection to the load generator, behaving like Asterisk for a read=call user: banner, Login
/// answered with the client's ActionID, Ping answered with Pong, write actions refused. Stream writes and action
/// responses share one lock and every stream write ends on a block boundary, so a Pong never splits an event.
/// </summary>
internal sealed class AmiLoadSession : IAsyncDisposable
{
    private static ReadOnlySpan<byte> Terminator => "\r\n\r\n"u8;

    private readonly Socket _socket;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly TaskCompletionSource _loggedIn = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _closed = new();
    private Task _reading = Task.CompletedTask;

    public AmiLoadSession(Socket socket, TimeProvider timeProvider)
    {
        _socket = socket;
        _timeProvider = timeProvider;
    }

    public Task LoggedIn => _loggedIn.Task;

    public int Pings { get; private set; }

    public void Start()
    {
        _reading = ReadActionsAsync(_closed.Token);
    }

    public async ValueTask SendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            while (!bytes.IsEmpty)
            {
                var sent = await _socket.SendAsync(bytes, SocketFlags.None, cancellationToken);
                bytes = bytes[sent..];
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _closed.CancelAsync();
        _socket.Dispose();
        try
        {
            await _reading;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The client went away or we closed it: both end a session.
        }

        _closed.Dispose();
        _writeLock.Dispose();
    }

    private async Task ReadActionsAsync(CancellationToken cancellationToken)
    {
        await SendAsync("Asterisk Call Manager/9.0.0\r\n"u8.ToArray(), cancellationToken);
        var buffer = new byte[64 * 1024];
        var filled = 0;
        while (true)
        {
            if (filled == buffer.Length)
            {
                return; // No client of ours sends 64 KiB of actions; treat it as a broken peer.
            }

            var read = await _socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, cancellationToken);
            if (read == 0)
            {
                return;
            }

            filled += read;
            var consumed = 0;
            int end;
            while ((end = buffer.AsSpan(consumed, filled - consumed).IndexOf(Terminator)) >= 0)
            {
                var reply = Answer(buffer.AsSpan(consumed, end + 2));
                consumed += end + Terminator.Length;
                if (reply is not null)
                {
                    await SendAsync(reply, cancellationToken);
                }
            }

            buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
            filled -= consumed;
        }
    }

    private byte[]? Answer(ReadOnlySpan<byte> block)
    {
        var frame = new AmiFrame(block);
        var actionId = frame.GetString("ActionID"u8);
        var idLine = actionId is null ? string.Empty : "ActionID: " + actionId + "\r\n";
        string reply;
        if (frame.NameEquals("Login"u8))
        {
            reply = "Response: Success\r\n" + idLine + "Message: Authentication accepted\r\n\r\n";
            _loggedIn.TrySetResult();
        }
        else if (frame.NameEquals("Ping"u8))
        {
            Pings++;
            reply = "Response: Success\r\n" + idLine + "Ping: Pong\r\nTimestamp: "
                + (_timeProvider.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0).ToString("F6", CultureInfo.InvariantCulture) + "\r\n\r\n";
        }
        else if (frame.NameEquals("Events"u8))
        {
            reply = "Response: Success\r\n" + idLine + "Events: On\r\n\r\n";
        }
        else if (frame.NameEquals("Logoff"u8))
        {
            reply = "Response: Goodbye\r\n" + idLine + "Message: Thanks for all the fish.\r\n\r\n";
        }
        else
        {
            // The monitor's user has write= empty on a real Asterisk; answer the same way.
            reply = "Response: Error\r\n" + idLine + "Message: Permission denied\r\n\r\n";
        }

        return Encoding.UTF8.GetBytes(reply);
    }
}
