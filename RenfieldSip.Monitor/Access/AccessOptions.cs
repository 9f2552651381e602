namespace RenfieldSip.Monitor.Access;

/// <summary>Bound from the <c>Access</c> section: who may read the call log and trigger actions over HTTP.</summary>
internal sealed class AccessOptions
{
    public const string SectionName = "Access";

    /// <summary>At least this many characters; shorter secrets fall to guessing over a home network.</summary>
    public const int MinTokenLength = 16;

    /// <summary>
    /// The owner's shared secret (<c>MONITOR_TOKEN</c>): <c>Authorization: Bearer</c> for the APIs, pasted once into
    /// the login form for the page. Unset: everything but <c>/health</c> and <c>/alive</c> answers 401. Never logged.
    /// </summary>
    public string? Token { get; set; }

    /// <summary>Test calls allowed per <see cref="TestCallWindow"/>; each one makes Renfield speak in every room.</summary>
    public int TestCallsPerWindow { get; set; } = 5;

    public TimeSpan TestCallWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Login attempts allowed per <see cref="TestCallWindow"/>: enough for typos, too few to guess.</summary>
    public int LoginsPerWindow { get; set; } = 10;

    public bool HasToken => !string.IsNullOrEmpty(Token);
}
