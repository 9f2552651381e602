using System.Diagnostics;
using System.Globalization;
using RenfieldSip.Tests.EndToEnd;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Reliability;

/// <summary>
/// Matrix row 8: SIGTERM to the monitor running as its own process, configured by environment variables only,
/// while an announcement is in flight: it finishes, or it is abandoned when the host's shutdown timeout runs out,
/// and the process exits within that timeout.
/// </summary>
public sealed class DownstreamShutdownTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sigterm_lets_an_announcement_in_flight_finish_delivered_and_exits_0()
    {
        await using var rig = await EndToEndHarness.StartWithoutMonitorAsync(new FakeRenfieldOptions { Token = EndToEndHarness.Token, ResponseDelay = TimeSpan.FromSeconds(1) });
        // A shutdown timeout far above Renfield's 1 s answer: finishing must not depend on how busy the machine is.
        await using var monitor = await MonitorProcess.StartAsync(Environment(rig, shutdownTimeoutSeconds: 30), Cancellation);

        var (exit, clock) = await RingThenTerminateAsync(rig, monitor, TimeSpan.FromSeconds(45));

        Assert.True(monitor.ExitCode == 0, $"exit code {monitor.ExitCode}; output:\n{monitor.Output}");
        Assert.Contains("[1400]", monitor.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("[1109]", monitor.Output, StringComparison.Ordinal);
        Output($"FIGURE row8 shutdown (finish): Renfield answers after 1 s, shutdown timeout 30 s: exit {exit.TotalMilliseconds:F0} ms after SIGTERM, notification delivered; request->exit {clock.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task Sigterm_abandons_an_announcement_that_outlasts_the_shutdown_timeout_logs_it_cancelled_and_exits_0()
    {
        await using var rig = await EndToEndHarness.StartWithoutMonitorAsync(new FakeRenfieldOptions { Token = EndToEndHarness.Token, ResponseDelay = TimeSpan.FromMinutes(1) });
        await using var monitor = await MonitorProcess.StartAsync(Environment(rig, shutdownTimeoutSeconds: 2), Cancellation);

        var (exit, _) = await RingThenTerminateAsync(rig, monitor, TimeSpan.FromSeconds(15));

        Assert.True(monitor.ExitCode == 0, $"exit code {monitor.ExitCode}; output:\n{monitor.Output}");
        Assert.Contains("[1109]", monitor.Output, StringComparison.Ordinal);
        Assert.Contains("not announced: Cancelled", monitor.Output, StringComparison.Ordinal);
        Output($"FIGURE row8 shutdown (abandon): Renfield hangs, shutdown timeout 2 s: exit {exit.TotalMilliseconds:F0} ms after SIGTERM, notification abandoned and logged");
    }

    [Fact]
    public async Task Stopping_when_the_shutdown_timeout_is_spent_on_an_announcement_does_not_throw()
    {
        var renfieldClock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var rig = await EndToEndHarness.StartWithoutMonitorAsync(new FakeRenfieldOptions { Token = EndToEndHarness.Token, TimeProvider = renfieldClock, ResponseDelay = TimeSpan.FromHours(1) });
        var (monitor, ami) = await rig.StartMonitorAsync();
        await ami.SendAsync(SyntheticCall.Numbered(1).Ringing);
        await rig.WaitForCallAsync(1);

        // The host's timeout runs out while the announcement waits; every service after it gets a cancelled token.
        using var shutdownTimeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await monitor.StopAsync(shutdownTimeout.Token).WaitAsync(TimeSpan.FromSeconds(30), Cancellation);

        Assert.Contains(monitor.Logs.WithId(1109), r => r.Message.EndsWith("Cancelled", StringComparison.Ordinal));
    }

    private static async Task<(TimeSpan Exit, TimeSpan RequestToExit)> RingThenTerminateAsync(EndToEndHarness rig, MonitorProcess monitor, TimeSpan exitTimeout)
    {
        AmiTestServerConnection ami;
        try
        {
            ami = await rig.Ami.WaitForLoginAsync(1, TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException("The monitor process did not log in. Its output:\n" + monitor.Output, e);
        }

        await ami.SendAsync(SyntheticCall.Numbered(1).Ringing);
        await rig.WaitForCallAsync(1, TimeSpan.FromSeconds(15));
        var sinceRequest = Stopwatch.StartNew();

        var clock = Stopwatch.StartNew();
        await monitor.TerminateAsync(Cancellation);
        try
        {
            await monitor.WaitForExitAsync(exitTimeout, Cancellation);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"The monitor did not exit within {exitTimeout} of SIGTERM. Its output:\n" + monitor.Output, e);
        }

        return (clock.Elapsed, sinceRequest.Elapsed);
    }

    private static Dictionary<string, string> Environment(EndToEndHarness rig, int shutdownTimeoutSeconds) => new()
    {
        ["AMI_HOST"] = rig.Ami.Host,
        ["AMI_PORT"] = rig.Ami.Port.ToString(CultureInfo.InvariantCulture),
        ["AMI_USERNAME"] = "callmonitor",
        ["AMI_SECRET"] = EndToEndHarness.AmiSecret,
        ["RENFIELD_WEBHOOK_URL"] = rig.Renfield.WebhookUrl.ToString(),
        ["RENFIELD_WEBHOOK_TOKEN"] = EndToEndHarness.Token,
        ["PHONEBOOK_PATH"] = rig.PhonebookPath,
        ["Logging__LogLevel__Default"] = "Information",

        // HostOptions.ShutdownTimeout is read from the host key shutdownTimeoutSeconds (DOTNET_ prefix in the environment).
        ["DOTNET_SHUTDOWNTIMEOUTSECONDS"] = shutdownTimeoutSeconds.ToString(CultureInfo.InvariantCulture),
    };

    private static void Output(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);
}
