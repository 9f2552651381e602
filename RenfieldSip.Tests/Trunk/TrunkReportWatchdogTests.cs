using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using RenfieldSip.Monitor.Trunk;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Trunk;

public sealed class TrunkReportWatchdogTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task No_report_within_the_grace_degrades_the_trunk_with_one_line()
    {
        var status = new TrunkStatus();
        var logs = new FakeLogCollector();
        var time = new FakeTimeProvider();
        using var watchdog = new TrunkReportWatchdog(status, time, new FakeLogger<TrunkReportWatchdog>(logs));

        await watchdog.StartAsync(Cancellation);

        // The delay is registered once ExecuteAsync runs on the thread pool; advancing five seconds at a time until the
        // watchdog fires shows it never fires before the grace, however late the delay was registered.
        var advanced = TimeSpan.Zero;
        await Poll.UntilAsync(
            () =>
            {
                if (status.Diagnosis.Condition == TrunkCondition.Unreported)
                {
                    return true;
                }

                time.Advance(TimeSpan.FromSeconds(5));
                advanced += TimeSpan.FromSeconds(5);
                return false;
            },
            "the watchdog",
            TimeSpan.FromSeconds(30),
            Cancellation);
        await watchdog.StopAsync(Cancellation);

        Assert.True(advanced >= TrunkReportWatchdog.Grace, $"fired after {advanced}");
        Assert.Equal(HealthStatus.Degraded, status.Diagnosis.Health);
        var line = Assert.Single(logs.GetSnapshot());
        Assert.Equal(1606, line.Id.Id);
        Assert.Contains("read = call,user,system", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_before_the_grace_keeps_the_trunk_as_reported()
    {
        var status = new TrunkStatus();
        var logs = new FakeLogCollector();
        status.Report(TrunkRegistration.Registered, null, "sipconnect.sipgate.de");
        using var watchdog = new TrunkReportWatchdog(status, new FakeTimeProvider(), new FakeLogger<TrunkReportWatchdog>(logs));

        watchdog.CheckOnce();

        Assert.Equal(TrunkCondition.Registered, status.Diagnosis.Condition);
        Assert.Empty(logs.GetSnapshot());
    }

    [Fact]
    public void An_overdue_trunk_that_reports_later_shows_the_report()
    {
        var status = new TrunkStatus();
        status.ReportOverdue();

        var changed = status.Report(TrunkRegistration.Registered, null, "sipconnect.sipgate.de");

        Assert.Equal(TrunkCondition.Registered, changed?.Condition);
    }
}
