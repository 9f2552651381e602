using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Sip;

/// <summary>
/// A registered rig whose answering machine answers after 1 s (VOICEMAIL_RING_SECONDS), with an AMI tap beside the
/// monitor and a real redis-server behind it (so a second monitor finds the calls' history). Where a host Asterisk
/// cannot run, nothing starts and every test skips with the reason.
/// </summary>
public sealed class VoicemailRigFixture : IAsyncLifetime
{
    private SipRig? _rig;
    private AmiEventTap? _tap;
    private RedisServer? _redis;

    internal SipRig Rig
    {
        get
        {
            SipToolchain.SkipUnlessAvailable();
            return _rig ?? throw new InvalidOperationException("The SIP rig did not start.");
        }
    }

    internal AmiEventTap Tap => _tap ?? throw new InvalidOperationException("The AMI tap did not start.");

    internal string Line { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        if (SipToolchain.MissingReason() is not null)
        {
            return;
        }

        _redis = await RedisServer.StartNewAsync(TestContext.Current.CancellationToken);
        var options = new SipRigOptions
        {
            AsteriskEnvironment = new Dictionary<string, string?> { ["VOICEMAIL_RING_SECONDS"] = "1" },
            MonitorSettings = new Dictionary<string, string?> { ["ConnectionStrings:redis"] = _redis.ConnectionString },
        };
        _rig = await SipRig.StartAsync(options, TestContext.Current.CancellationToken);
        Line = await _rig.WaitForRegistrationAsync(TestContext.Current.CancellationToken);
        _tap = await AmiEventTap.ConnectAsync(_rig.Asterisk.AmiPort, "callmonitor", SipRig.AmiSecret, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_tap is not null)
        {
            await _tap.DisposeAsync();
        }

        if (_rig is not null)
        {
            await _rig.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }
}
