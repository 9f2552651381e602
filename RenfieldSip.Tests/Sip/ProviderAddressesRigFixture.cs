namespace RenfieldSip.Tests.Sip;

/// <summary>
/// A registered rig whose Asterisk also accepts calls without the line token from one provider address
/// (<see cref="ProviderAddress"/>, SIP_PROVIDER_ADDRESSES), for a provider that cannot send the token back.
/// </summary>
public sealed class ProviderAddressesRigFixture : IAsyncLifetime
{
    /// <summary>The provider's documented address; 127.0.0.2 stands for everyone else.</summary>
    public const string ProviderAddress = "127.0.0.3";

    private SipRig? _rig;

    internal SipRig Rig
    {
        get
        {
            SipToolchain.SkipUnlessAvailable();
            return _rig ?? throw new InvalidOperationException("The SIP rig did not start.");
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (SipToolchain.MissingReason() is not null)
        {
            return;
        }

        _rig = await SipRig.StartAsync(new SipRigOptions { ProviderAddresses = ProviderAddress }, TestContext.Current.CancellationToken);
        await _rig.WaitForRegistrationAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_rig is not null)
        {
            await _rig.DisposeAsync();
        }
    }
}
