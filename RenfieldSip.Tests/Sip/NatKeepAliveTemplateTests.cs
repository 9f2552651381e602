using System.Globalization;
using RenfieldSip.Tests.Config;

namespace RenfieldSip.Tests.Sip;

/// <summary>
/// The rendered pjsip.conf keeps the router's UDP binding open: the real-Asterisk test proves keep-alives and
/// refreshes are sent at the configured interval (shortened there); this pins the production values.
/// </summary>
public sealed class NatKeepAliveTemplateTests : IDisposable
{
    private readonly EntrypointHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Keep_alives_beat_the_shortest_common_router_UDP_timeout_and_registration_keeps_trying()
    {
        var result = await _harness.RenderAsync(EntrypointShell.SystemShell, EntrypointHarness.ValidEnvironment(), TestContext.Current.CancellationToken);
        Assert.True(result.ExitCode == 0, result.StandardError);
        var pjsip = _harness.RenderedDocument("pjsip.conf");

        var aor = pjsip.Section("sip-provider-aor");
        var registration = pjsip.Section("sip-provider");
        Assert.Equal("sip:sipconnect.sipgate.de", aor.SingleValueOf("contact"));
        Assert.InRange(int.Parse(aor.SingleValueOf("qualify_frequency")!, CultureInfo.InvariantCulture), 10, 29);
        Assert.InRange(int.Parse(registration.SingleValueOf("expiration")!, CultureInfo.InvariantCulture), 120, 600);
        Assert.Equal("0", registration.SingleValueOf("max_random_initial_delay"));
        Assert.True(int.Parse(registration.SingleValueOf("max_retries")!, CultureInfo.InvariantCulture) >= 10000);
        Assert.Equal("transport-udp", registration.SingleValueOf("transport"));
    }

    [Fact]
    public async Task The_monitor_user_may_read_the_trunk_events_and_still_writes_nothing()
    {
        var result = await _harness.RenderAsync(EntrypointShell.SystemShell, EntrypointHarness.ValidEnvironment(), TestContext.Current.CancellationToken);
        Assert.True(result.ExitCode == 0, result.StandardError);
        var user = _harness.RenderedDocument("manager.conf").Section("callmonitor");

        Assert.Equal(["call", "user", "system"], user.SingleValueOf("read")!.Split(','));
        Assert.Equal(string.Empty, user.SingleValueOf("write"));
    }
}
