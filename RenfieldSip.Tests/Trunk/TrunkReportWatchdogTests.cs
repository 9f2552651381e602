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
        time.Advance(TrunkReportWatchdog.Grace - TimeSpan.FromSeconds(1));
        var before = status.Diagnosis.Condition;
        time.Advance(TimeSpan.FromSeconds(1));
        await Poll.UntilAsync(() => status.Diagnosis.Condition == TrunkCondition.Unreported, "the watchdog", TimeSpan.FromSeconds(10), Cancellation);
        await watchdog.StopAsync(Cancellation);

        Assert.Equal(TrunkCondition.NotReported, before);
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
