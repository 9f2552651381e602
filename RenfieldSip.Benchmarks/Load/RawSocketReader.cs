using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RenfieldSip.Benchmarks.Load;

/// <summary>
/// The limit: a plain client that logs in and does nothing but count blank-line-terminated blocks with a
/// vectorized search. Whatever the monitor does per event costs on top of this.
/// </summary>
internal sealed class RawSocketReader
{
    private static ReadOnlySpan<byte> Terminator => "\r\n\r\n"u8;

    private readonly CallLedger _ledger;
    private readonly IReadOnlyList<long> _identityOrdinals;
    private readonly TimeProvider _timeProvider;

    public RawSocketReader(CallLedger ledger, IReadOnlyList<long> identityOrdinals, TimeProvider timeProvider)
    {
        _ledger = ledger;
        _identityOrdinals = identityOrdinals;
        _timeProvider = timeProvider;
    }

    /// <summary>Reads until <paramref name="streamEvents"/> events after the login response have arrived.</summary>
    public async Task<RawReadResult> RunAsync(int port, long streamEvents, CancellationToken cancellationToken)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
        await socket.SendAsync(Encoding.ASCII.GetBytes("Action: Login\r\nActionID: raw-1\r\nUsername: raw\r\nSecret: raw\r\nEvents: on\r\n\r\n"), cancellationToken);

        // Three bytes of carry are enough for a terminator split across reads; a new one can only start in it at a CR.
        var buffer = new byte[1024 * 1024];
        var carry = 0;
        long blocks = 0;
        long bytes = 0;
        var nextCall = 0;
        var lastByte = 0L;
        var wanted = streamEvents + 1; // + the login response
        while (blocks < wanted)
        {
            var read = await socket.ReceiveAsync(buffer.AsMemory(carry), SocketFlags.None, cancellationToken);
            if (read == 0)
            {
                break;
            }

            lastByte = _timeProvider.GetTimestamp();
            bytes += read;
            var span = buffer.AsSpan(0, carry + read);
            int found;
            while ((found = span.IndexOf(Terminator)) >= 0)
            {
                blocks++;
                span = span[(found + Terminator.Length)..];
            }

            while (nextCall < _identityOrdinals.Count && _identityOrdinals[nextCall] <= blocks - 1)
            {
                _ledger.MarkArrived(nextCall++, lastByte);
            }

            carry = Math.Min(span.Length, Terminator.Length - 1);
            span[^carry..].CopyTo(buffer);
        }

        return new RawReadResult(Math.Max(0, blocks - 1), bytes, lastByte);
    }
}
