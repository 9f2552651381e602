namespace RenfieldSip.Tests.Sip;

/// <summary>How a <see cref="SipRig"/> starts.</summary>
internal sealed class SipRigOptions
{
    /// <summary>Start the provider's registrar before Asterisk (false: the registrar's port stays silent).</summary>
    public bool StartRegistrar { get; init; } = true;

    /// <summary>The password the provider accepts; a different one than <see cref="SipRig.SipPassword"/> makes it answer 403.</summary>
    public string ProviderPassword { get; init; } = SipRig.SipPassword;
}
