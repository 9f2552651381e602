using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RenfieldSip.Monitor.Warmup;

/// <summary>
/// A one-connection HTTP/1.1 responder on 127.0.0.1 that answers every request with Renfield's 200 body, so the
/// warm-up can run the real webhook client end to end without a byte reaching Renfield. It understands exactly what
/// <c>RenfieldWebhookClient</c> sends: a request head, then a body of <c>Content-Length</c> bytes.
/// </summary>
internal sealed class LoopbackWebhook : IAsyncDisposable
{
    private const int MaxRequestBytes = 64 * 1024;

    private static readonly byte[] Answer = Encoding.ASCII.GetBytes(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 60\r\n\r\n"
        + """{"notification_id":0,"status":"delivered","delivered_to":[]}""");

    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;

    private LoopbackWebhook(TcpListener listener)
    {
        _listener = listener;
        _serving = ServeAsync(_stop.Token);
    }

    public Uri Url { get; private init; } = null!;

    public static LoopbackWebhook Start()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start(1);
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        return new LoopbackWebhook(listener) { Url = new Uri($"http://127.0.0.1:{port}/warm-up", UriKind.Absolute) };
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _serving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task ServeAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            using var socket = await _listener.AcceptSocketAsync(cancellationToken);
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            var buffer = ArrayPool<byte>.Shared.Rent(MaxRequestBytes);
            try
            {
                var filled = 0;
                while (filled < MaxRequestBytes)
                {
                    var read = await stream.ReadAsync(buffer.AsMemory(filled, MaxRequestBytes - filled), cancellationToken);
                    if (read == 0)
                    {
                        break;
                    }

                    filled += read;
                    while (TryTakeRequest(buffer.AsSpan(0, filled), out var consumed))
                    {
                        await stream.WriteAsync(Answer, cancellationToken);
                        buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                        filled -= consumed;
                    }
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private static bool TryTakeRequest(ReadOnlySpan<byte> received, out int consumed)
    {
        consumed = 0;
        var headEnd = received.IndexOf("\r\n\r\n"u8);
        if (headEnd < 0)
        {
            return false;
        }

        var head = Encoding.ASCII.GetString(received[..headEnd]);
        var length = 0;
        foreach (var line in head.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line.AsSpan(15).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        var total = headEnd + 4 + length;
        if (received.Length < total)
        {
            return false;
        }

        consumed = total;
        return true;
    }
}
