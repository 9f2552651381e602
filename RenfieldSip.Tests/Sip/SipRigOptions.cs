namespace RenfieldSip.Tests.Sip;

/// <summary>How a <see cref="SipRig"/> starts.</summary>
internal sealed class SipRigOptions
{
    /// <summary>The password the provider accepts; a different one than <see cref="SipRig.SipPassword"/> makes it answer 403.</summary>
    public string ProviderPassword { get; init; } = SipRig.SipPassword;

    /// <summary>Extra environment for the entrypoint (the answering machine's VOICEMAIL_* settings).</summary>
    public IReadOnlyDictionary<string, string?> AsteriskEnvironment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Extra monitor configuration (Voicemail:*).</summary>
    public IReadOnlyDictionary<string, string?> MonitorSettings { get; init; } = new Dictionary<string, string?>();

    /// <summary>SIP_PROVIDER_ADDRESSES for the entrypoint; null leaves it unset (only the line token identifies calls).</summary>
    public string? ProviderAddresses { get; init; }
}
