using System.Net.Sockets;
using System.Text;

namespace RenfieldSip.Tests.Sip;

/// <summary>
/// A second AMI login to a real Asterisk that keeps every event as its key/value lines: the tests see what the
/// dialplan emitted (the RenfieldVoicemail UserEvent, the Hangup) without going through the monitor they check.
/// </summary>
internal sealed class AmiEventTap : IAsyncDisposable
{
    private readonly TcpClient _client;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly List<IReadOnlyList<KeyValuePair<string, string>>> _events = [];
    private readonly Task _reader;

    private AmiEventTap(TcpClient client)
    {
        _client = client;
        _reader = Task.Run(ReadAsync);
    }

    public static async Task<AmiEventTap> ConnectAsync(int port, string username, string secret, CancellationToken cancellationToken)
    {
        var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, cancellationToken);
        var login = Encoding.ASCII.GetBytes($"Action: Login\r\nUsername: {username}\r\nSecret: {secret}\r\n\r\n");
        await client.GetStream().WriteAsync(login, cancellationToken);
        return new AmiEventTap(client);
    }

    /// <summary>The first value of <paramref name="key"/> in an event (Asterisk repeats Uniqueid: channel, then argument).</summary>
    public static string? Value(IReadOnlyList<KeyValuePair<string, string>> frame, string key) =>
        frame.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>Waits for an event that satisfies <paramref name="match"/>; a hang guard, not a timing assertion.</summary>
    public async Task<IReadOnlyList<KeyValuePair<string, string>>> WaitForAsync(
        Func<IReadOnlyList<KeyValuePair<string, string>>, bool> match, string what, TimeSpan timeout, CancellationToken cancellationToken)
    {
        IReadOnlyList<KeyValuePair<string, string>>? found = null;
        await Support.Poll.UntilAsync(
            () =>
            {
                lock (_gate)
                {
                    found = _events.FirstOrDefault(match);
                }

                return found is not null;
            },
            what,
            timeout,
            cancellationToken);
        return found!;
    }

    public IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _client.Dispose();
        try
        {
            await _reader;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or SocketException)
        {
        }

        _stop.Dispose();
    }

    private async Task ReadAsync()
    {
        using var reader = new StreamReader(_client.GetStream(), Encoding.Latin1);
        var frame = new List<KeyValuePair<string, string>>();
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            if (line.Length == 0)
            {
                if (frame.Count > 0 && frame[0].Key == "Event")
                {
                    lock (_gate)
                    {
                        _events.Add(frame);
                    }
                }

                frame = [];
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                frame.Add(new(line[..colon], line[(colon + 1)..].Trim()));
            }
        }
    }
}
