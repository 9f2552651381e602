using System.Text.RegularExpressions;

namespace RenfieldSip.Tests.Config;

/// <summary>What the real Asterisk showed (Fixtures/ami/README.md), checked on the rendered files.</summary>
public sealed partial class AsteriskTemplateTests : IDisposable
{
    private readonly EntrypointHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task No_extension_jumps_back_to_itself()
    {
        var dialplan = await RenderAsync("extensions.conf");

        var jumps = 0;
        foreach (var section in dialplan.Sections)
        {
            foreach (var (extension, application) in Steps(section))
            {
                var goTo = GotoPattern().Match(application);
                if (!goTo.Success)
                {
                    continue;
                }

                jumps++;
                var target = goTo.Groups["args"].Value.Split(',');
                var (context, targetExtension) = target.Length == 3 ? (target[0], target[1]) : (section.Name, target[0]);
                Assert.False(
                    context == section.Name && targetExtension == extension,
                    $"[{section.Name}] {extension} jumps to itself: {application} (the real Asterisk spins a core on it)");
            }
        }

        Assert.True(jumps >= 2, "the dialplan should still route +E.164 and user-less calls with Goto");
    }

    [Fact]
    public async Task Every_ringing_path_settles_the_identity_before_it_rings_and_hangs_up()
    {
        var dialplan = await RenderAsync("extensions.conf");
        var incoming = dialplan.Section("incoming-calls");

        var paths = Steps(incoming).GroupBy(step => step.Extension).Where(group => group.Any(step => step.Application.StartsWith("Wait(", StringComparison.Ordinal))).ToList();
        Assert.Contains(paths, path => path.Key == "_X.");
        foreach (var path in paths)
        {
            var applications = path.Select(step => step.Application).ToList();
            var privacy = applications.FindIndex(a => a.Contains("CALLERID(pres):0:6}\" = \"prohib\"]?Set(CALLERID(all)=Anonymous <anonymous>)", StringComparison.Ordinal));
            var userEvent = applications.FindIndex(a => a.StartsWith("UserEvent(RenfieldIncomingCall,Uniqueid: ${UNIQUEID},Presentation: ${CALLERID(pres)}", StringComparison.Ordinal));
            var ringing = applications.IndexOf("Ringing()");
            var wait = applications.FindIndex(a => a.StartsWith("Wait(", StringComparison.Ordinal));
            var hangup = applications.FindIndex(a => a.StartsWith("Hangup(", StringComparison.Ordinal));
            Assert.True(privacy >= 0 && privacy < userEvent && userEvent < ringing && ringing < wait && wait < hangup, $"{path.Key}: {string.Join(" | ", applications)}");
            Assert.DoesNotContain(applications.Take(privacy), a => a.Contains("CALLERID(num)", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_monitor_user_reads_calls_and_user_events_and_writes_nothing()
    {
        var manager = await RenderAsync("manager.conf");

        Assert.Equal("yes", manager.Section("general").SingleValueOf("enabled"));
        Assert.Equal("5038", manager.Section("general").SingleValueOf("port"));
        var user = manager.Section("callmonitor");
        Assert.Equal("call,user,system", user.SingleValueOf("read"));
        Assert.Equal(string.Empty, user.SingleValueOf("write"));
        Assert.Equal("0.0.0.0/0.0.0.0", user.SingleValueOf("deny"));
        Assert.Equal(["general", "callmonitor"], manager.Sections.Select(section => section.Name));
    }

    [Fact]
    public async Task Inbound_calls_are_matched_by_the_registration_line_not_by_address()
    {
        var pjsip = await RenderAsync("pjsip.conf");

        var registration = pjsip.Section("sip-provider");
        Assert.Equal("registration", registration.SingleValueOf("type"));
        Assert.Equal("yes", registration.SingleValueOf("line"));
        Assert.Equal("sip-provider-endpoint", registration.SingleValueOf("endpoint"));
        Assert.DoesNotContain(pjsip.Sections, section => section.SingleValueOf("type") == "identify");

        var endpoint = pjsip.Section("sip-provider-endpoint");
        Assert.Equal("incoming-calls", endpoint.SingleValueOf("context"));
        Assert.Equal("yes", endpoint.SingleValueOf("trust_id_inbound"));
    }

    [Fact]
    public async Task SIP_listens_on_5060_over_udp_only()
    {
        var pjsip = await RenderAsync("pjsip.conf");

        var transport = Assert.Single(pjsip.Sections, section => section.SingleValueOf("type") == "transport");
        Assert.Equal("udp", transport.SingleValueOf("protocol"));
        Assert.Equal("0.0.0.0:5060", transport.SingleValueOf("bind"));
    }

    [Fact]
    public async Task Without_provider_addresses_only_the_line_token_identifies_the_endpoint()
    {
        var pjsip = await RenderAsync("pjsip.conf");

        // "ip" only: never the From user (Asterisk's default is username,ip); the line token ignores identify_by.
        Assert.Equal("ip", pjsip.Section("sip-provider-endpoint").SingleValueOf("identify_by"));
        Assert.DoesNotContain(pjsip.Sections, section => section.SingleValueOf("type") == "identify");
        Assert.Equal("yes", pjsip.Section("sip-provider").SingleValueOf("line"));
        Assert.Equal("sip-provider-endpoint", pjsip.Section("sip-provider").SingleValueOf("endpoint"));
    }

    [Theory]
    [InlineData(EntrypointShell.SystemShell)]
    [InlineData(EntrypointShell.Busybox)]
    public async Task Provider_addresses_add_an_identify_section_matching_exactly_them(EntrypointShell shell)
    {
        var environment = EntrypointHarness.ValidEnvironment();
        environment["SIP_PROVIDER_ADDRESSES"] = "217.10.79.9,217.116.118.0/24";

        var result = await _harness.RenderAsync(shell, environment, TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, result.StandardError);
        var identify = Assert.Single(_harness.RenderedDocument("pjsip.conf").Sections, section => section.SingleValueOf("type") == "identify");
        Assert.Equal("sip-provider-endpoint", identify.SingleValueOf("endpoint"));
        Assert.Equal("217.10.79.9,217.116.118.0/24", identify.SingleValueOf("match"));
    }

    private async Task<AsteriskConfigDocument> RenderAsync(string fileName)
    {
        var result = await _harness.RenderAsync(EntrypointShell.SystemShell, EntrypointHarness.ValidEnvironment(), TestContext.Current.CancellationToken);
        Assert.True(result.ExitCode == 0, result.StandardError);
        return _harness.RenderedDocument(fileName);
    }

    /// <summary>Each dialplan step with the extension it belongs to ("same =>" continues the last one).</summary>
    private static IEnumerable<(string Extension, string Application)> Steps(AsteriskConfigSection section)
    {
        var extension = string.Empty;
        foreach (var entry in section.Entries)
        {
            string application;
            if (entry.Key == "exten")
            {
                var parts = entry.Value.Split(',', 3);
                extension = parts[0];
                application = parts[2];
            }
            else if (entry.Key == "same")
            {
                application = entry.Value.Split(',', 2)[1];
            }
            else
            {
                continue;
            }

            yield return (extension, application);
        }
    }

    [GeneratedRegex(@"^Goto\((?<args>[^)]*)\)$")]
    private static partial Regex GotoPattern();
}
