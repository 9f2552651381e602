namespace RenfieldSip.Tests.Support;

/// <summary>How an <see cref="AmiTestServer"/> behaves on every accepted connection.</summary>
internal sealed class AmiTestServerOptions
{
    /// <summary>The session to replay; null = banner, login and no events.</summary>
    public AmiCapture? Capture { get; init; }

    /// <summary>Sent first on every connection; the real banner by default.</summary>
    public string Banner { get; init; } = "Asterisk Call Manager/9.0.0\r\n";

    public AmiTestLoginMode Login { get; init; } = AmiTestLoginMode.FromCapture;

    /// <summary>When set, a Login with another username or secret is refused (like Asterisk).</summary>
    public string? ExpectedUsername { get; init; }

    public string? ExpectedSecret { get; init; }

    /// <summary>Asterisk sleeps 1 s before refusing; zero by default to keep tests fast.</summary>
    public TimeSpan LoginFailureDelay { get; init; } = TimeSpan.Zero;

    /// <summary>How the capture body (events) is cut into socket writes after a successful login.</summary>
    public AmiTestStreamMode Stream { get; init; } = AmiTestStreamMode.Recorded;

    /// <summary>For <see cref="AmiTestStreamMode.FixedChunks"/>.</summary>
    public int ChunkSize { get; init; } = 1;

    /// <summary>For <see cref="AmiTestStreamMode.SplitPoints"/>: offsets relative to the body start.</summary>
    public IReadOnlyList<int> SplitPoints { get; init; } = [];

    /// <summary>Real-time pause between chunks (zero = as fast as possible).</summary>
    public TimeSpan ChunkDelay { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// Send the capture's final <c>Response: Goodbye</c> and close, as Asterisk does after Logoff. Off by default, so
    /// the session stays open after the events.
    /// </summary>
    public bool SendGoodbyeAndClose { get; init; }

    /// <summary>Stream the capture on every connection (true) or only on the first.</summary>
    public bool StreamOnEveryConnection { get; init; } = true;
}
