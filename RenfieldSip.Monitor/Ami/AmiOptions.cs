namespace RenfieldSip.Monitor.Ami;

/// <summary>Configuration section <c>Ami</c>. The env aliases (AMI_HOST, AMI_SECRET, …) are mapped in Configuration/.</summary>
internal sealed class AmiOptions
{
    public const string SectionName = "Ami";

    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 5038;

    public string Username { get; set; } = "callmonitor";

    /// <summary>The manager.conf secret. Never logged, never put into an exception or a health message.</summary>
    public string? Secret { get; set; }

    /// <summary>Bounds each step of a session start: TCP connect, banner, login response.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan PingInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>No Pong within this time after a Ping means the connection is half-open: it is aborted.</summary>
    public TimeSpan PongTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Cap of the reconnect backoff (starts at 100 ms, doubles, with jitter).</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Wait after a refused login; doubles per refusal up to <see cref="LoginRetryMaxDelay"/>.</summary>
    public TimeSpan LoginRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan LoginRetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Largest accepted AMI block including its terminator; bigger blocks are a protocol error.</summary>
    public int MaxMessageBytes { get; set; } = 65536;

    /// <summary><c>host:port</c> for logs and health messages.</summary>
    public string Endpoint => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
