using System.Globalization;
using System.Net;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using RenfieldSip.Tests.EndToEnd;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Reliability;

/// <summary>
/// Matrix row 3: the secret is wrong. Asterisk answers <c>Authentication failed</c> and closes. The monitor must say
/// so once per attempt in one clear line, report unhealthy, and back off instead of hammering the manager port
/// (every refusal is a security event in Asterisk's log and a fail2ban strike). The retry schedule, the defaults' 30 s
/// included, is asserted on fake time in <c>AmiClientTests</c>; here the figure is how many attempts a real 3 s window
/// sees, printed for the reliability pass and never asserted.
/// </summary>
public sealed class AmiLoginRefusedTests
{
    private const string WrongSecret = "Wrong-Secret-4d2e";

    // The figure's window: the scenario, not a synchronisation; nothing asserted depends on its length.
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(3);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Wrong_secret_gives_one_error_line_per_attempt_naming_the_user_and_the_fix_reports_unhealthy_and_never_logs_the_secret()
    {
        await using var harness = await EndToEndHarness.StartAsync(
            new Dictionary<string, string?>
            {
                ["Ami:Secret"] = WrongSecret,
                ["Ami:LoginRetryDelay"] = "00:00:00.250",
                ["Ami:LoginRetryMaxDelay"] = "00:00:01",
            },
            new AmiTestServerOptions { Stream = AmiTestStreamMode.Manual, ExpectedSecret = "TestSecret-7f3a-e2e-5b90", Login = AmiTestLoginMode.Accept });
        await harness.Ami.WaitForLoginAttemptsAsync(1, TimeSpan.FromSeconds(10));
        await Task.Delay(Window, Cancellation);
        await harness.Ami.WaitForLoginAttemptsAsync(2, TimeSpan.FromSeconds(10));
        await Poll.UntilAsync(() => harness.Monitor.Logs.WithId(1002).Count >= 2, "two refusal lines", TimeSpan.FromSeconds(10), Cancellation);
        var attempts = harness.Ami.LoginAttempts;

        using var client = new HttpClient { BaseAddress = harness.Monitor.BaseAddress };
        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative), Cancellation);
        var report = await harness.Monitor.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == "ami", Cancellation);
        var logs = harness.Monitor.Logs.GetSnapshot();
        var refusals = logs.Where(r => r.Id.Id == 1002).ToList();
        var attemptsAfterSnapshot = harness.Ami.LoginAttempts;

        ReliabilityFigures.Report("3 login refused", "login attempts in a 3 s window (LoginRetryDelay 250 ms, max 1 s)", attempts.ToString(CultureInfo.InvariantCulture));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.Contains("login refused for user 'callmonitor'", report.Entries["ami"].Description, StringComparison.Ordinal);
        Assert.Contains("AMI_SECRET", report.Entries["ami"].Description, StringComparison.Ordinal);

        // One error line per refusal (a line for the attempt's outcome may lag the server's count by one).
        Assert.InRange(refusals.Count, attempts - 1, attemptsAfterSnapshot);
        Assert.All(refusals, r =>
        {
            Assert.Equal(LogLevel.Error, r.Level);
            Assert.Contains("'callmonitor'", r.Message, StringComparison.Ordinal);
            Assert.Contains("AMI_SECRET", r.Message, StringComparison.Ordinal);
        });
        Assert.DoesNotContain(logs, r => r.Level >= LogLevel.Warning && r.Id.Id != 1002 && r.Category?.Contains(".Ami.", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(logs, r => r.Message.Contains(WrongSecret, StringComparison.Ordinal));
    }
}
