using Microsoft.Extensions.Options;

namespace RenfieldSip.Monitor.Ami;

/// <summary>Written by the client and its connection, read by the health check and the AMI metrics.</summary>
internal sealed class AmiConnectionStatus : IAmiConnectionStatus
{
    private int _state = (int)AmiConnectionState.Disconnected;
    private long _eventsRead;
    private long _bytesRead;
    private long _reconnects;
    private long _protocolErrors;
    private long _loginFailures;
    private string? _lastError;

    public AmiConnectionStatus(IOptions<AmiOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Endpoint = options.Value.Endpoint;
        Username = options.Value.Username;
    }

    public AmiConnectionState State => (AmiConnectionState)Volatile.Read(ref _state);

    public string Endpoint { get; }

    public string Username { get; }

    public long EventsRead => Interlocked.Read(ref _eventsRead);

    public long BytesRead => Interlocked.Read(ref _bytesRead);

    public long Reconnects => Interlocked.Read(ref _reconnects);

    public long ProtocolErrors => Interlocked.Read(ref _protocolErrors);

    public long LoginFailures => Interlocked.Read(ref _loginFailures);

    public string? LastError => Volatile.Read(ref _lastError);

    internal void SetState(AmiConnectionState state) => Volatile.Write(ref _state, (int)state);

    internal void SetLastError(string error) => Volatile.Write(ref _lastError, error);

    // Added once per socket read, not per event, so a burst of events costs one interlocked operation.
    internal void AddRead(long events, long bytes)
    {
        if (events != 0)
        {
            Interlocked.Add(ref _eventsRead, events);
        }

        Interlocked.Add(ref _bytesRead, bytes);
    }

    internal void AddReconnect() => Interlocked.Increment(ref _reconnects);

    internal void AddProtocolError() => Interlocked.Increment(ref _protocolErrors);

    internal void AddLoginFailure() => Interlocked.Increment(ref _loginFailures);
}
