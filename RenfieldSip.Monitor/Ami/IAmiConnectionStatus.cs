namespace RenfieldSip.Monitor.Ami;

/// <summary>What the AMI client is doing, for health checks and metrics. All reads are thread-safe.</summary>
internal interface IAmiConnectionStatus
{
    AmiConnectionState State { get; }

    /// <summary><c>host:port</c> of the configured manager interface.</summary>
    string Endpoint { get; }

    string Username { get; }

    long EventsRead { get; }

    long BytesRead { get; }

    /// <summary>Connection attempts after the first one.</summary>
    long Reconnects { get; }

    long ProtocolErrors { get; }

    long LoginFailures { get; }

    /// <summary>Why the last session ended or failed, in words; never raw bytes or the secret. Null before any failure.</summary>
    string? LastError { get; }
}
