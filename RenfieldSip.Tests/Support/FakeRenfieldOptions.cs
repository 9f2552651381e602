namespace RenfieldSip.Tests.Support;

/// <summary>How a <see cref="FakeRenfield"/> starts; most values can be changed later on the running fake.</summary>
public sealed class FakeRenfieldOptions
{
    /// <summary>
    /// The webhook token Renfield has stored. Null means none was ever generated: Renfield then answers 403 to every
    /// bearer token, exactly like a fresh install before <c>POST /api/notifications/token</c>.
    /// </summary>
    public string? Token { get; set; } = "test-token";

    /// <summary>
    /// <c>PROACTIVE_ENABLED</c>; false makes every valid request answer 503. Renfield's own default is false; the
    /// fake starts enabled because most tests want deliveries.
    /// </summary>
    public bool ProactiveEnabled { get; set; } = true;

    /// <summary><c>PROACTIVE_SUPPRESSION_WINDOW</c> (Renfield's default: 60 s).</summary>
    public TimeSpan SuppressionWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Time spent "speaking" before a 200 goes out, like Renfield's TTS inside the request.</summary>
    public TimeSpan ResponseDelay { get; set; } = TimeSpan.Zero;

    /// <summary>slowapi's <c>API_RATE_LIMIT_DEFAULT</c> per client per minute; null switches the limiter off.</summary>
    public int? RateLimitPerMinute { get; set; }

    /// <summary>Where Kestrel listens; the docker0 address makes the fake reachable from containers.</summary>
    public System.Net.IPAddress ListenAddress { get; set; } = System.Net.IPAddress.Loopback;

    /// <summary>Clock for arrival times, the dedup window and the rate limit; a FakeTimeProvider can be shared with the client.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
