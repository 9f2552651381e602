namespace RenfieldSip.Tests.Sip;

/// <summary>
/// One registered rig shared by a test class (Asterisk start, registration and AMI login cost a few seconds). Where a
/// host Asterisk cannot run, nothing starts and every test skips with the reason.
/// </summary>
public sealed class SipRigFixture : IAsyncLifetime
{
    private SipRig? _rig;

    internal SipRig Rig
    {
        get
        {
            SipToolchain.SkipUnlessAvailable();
            return _rig ?? throw new InvalidOperationException("The SIP rig did not start.");
        }
    }

    internal string Line { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        if (SipToolchain.MissingReason() is not null)
        {
            return;
        }

        _rig = await SipRig.StartAsync(null, TestContext.Current.CancellationToken);
        Line = await _rig.WaitForRegistrationAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_rig is not null)
        {
            await _rig.DisposeAsync();
        }
    }
}
