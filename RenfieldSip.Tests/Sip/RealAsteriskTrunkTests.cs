using System.Net;
using RenfieldSip.Monitor.Trunk;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Sip;

/// <summary>
/// What the monitor says about the trunk when the provider misbehaves, on a real Asterisk: each failure is one log
/// line and one /health entry with the cause and the fix. Each test has its own Asterisk and provider; the template's
/// intervals are shortened (<see cref="SipRig.TestIntervals"/>) so a failure and its recovery take seconds.
/// </summary>
[Collection(RealAsteriskTier.Name)]
public sealed class RealAsteriskTrunkTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Keep_alives_and_re_registrations_reach_the_provider_at_the_configured_interval()
    {
        SipToolchain.SkipUnlessAvailable();
        await using var rig = await SipRig.StartAsync(null, Cancellation);

        await Poll.UntilAsync(
            () => rig.Provider.Events("KEEPALIVE").Count >= 6 && rig.Provider.Events("REGISTERED").Count >= 3,
            "six OPTIONS keep-alives and three REGISTERs at the provider",
            TimeSpan.FromSeconds(90),
            Cancellation);
        var keepAlives = rig.Provider.Events("KEEPALIVE");
        var gaps = keepAlives.Zip(keepAlives.Skip(1), (a, b) => b - a).Order().ToList();
        var medianGap = gaps[gaps.Count / 2];
        ReliabilityFigures.Report("sip keep-alive", "OPTIONS gaps (ms) at qualify_frequency 2 s", string.Join(' ', gaps));

        // Periodic, not a burst at start: the typical gap is the interval, give or take scheduling (no upper bound
        // is asserted; a loaded machine may stretch it).
        Assert.True(medianGap >= SipRig.KeepAliveSeconds * 1000 / 2, $"median gap {medianGap} ms");
        Assert.Empty(rig.Provider.Events("REFUSED"));
    }

    [Fact]
    public async Task A_password_the_provider_refuses_is_one_log_line_and_a_degraded_trunk_naming_the_credentials()
    {
        SipToolchain.SkipUnlessAvailable();
        await using var rig = await SipRig.StartAsync(null, Cancellation);
        await rig.WaitForRegistrationAsync(Cancellation);
        await rig.WaitForTrunkAsync(TrunkCondition.Registered, Cancellation);

        // The provider changes the password (or disables the device): the next refresh gets 403.
        await rig.Provider.StopAsync();
        rig.RestartProvider(password: "changed-at-the-provider");
        await rig.WaitForTrunkAsync(TrunkCondition.CredentialsRefused, Cancellation);
        var (status, body, text) = await rig.HealthAsync(Cancellation);
        var lines = rig.Monitor.Logs.GetSnapshot().Where(r => r.Id.Id == 1601).ToList();
        Report("credentials refused", lines, text);

        Assert.NotEmpty(rig.Provider.Events("REFUSED"));
        Assert.Equal((int)HttpStatusCode.OK, status);
        Assert.Equal("Degraded", body.GetProperty("status").GetString());
        var trunk = body.GetProperty("checks").GetProperty("trunk");
        Assert.Equal("Degraded", trunk.GetProperty("status").GetString());
        Assert.Contains("SIP_USERNAME and SIP_PASSWORD", trunk.GetProperty("description").GetString(), StringComparison.Ordinal);
        var line = Assert.Single(lines);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, line.Level);
        Assert.Contains("refused the registration (SIP 401/403", line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SipRig.SipPassword, text, StringComparison.Ordinal);
        Assert.DoesNotContain(SipRig.SipUsername, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_from_the_start_is_reported_with_the_credentials_fix()
    {
        SipToolchain.SkipUnlessAvailable();
        await using var rig = await SipRig.StartAsync(new SipRigOptions { ProviderPassword = "not-the-configured-one" }, Cancellation);

        // The monitor logs in after Asterisk's first attempt; the retries tell it. Whether it also saw the registrar
        // answer a keep-alive decides between "refused" and "refused or timed out": both name the credentials.
        await Poll.UntilAsync(
            () => rig.Monitor.GetRequiredService<TrunkStatus>().Diagnosis.Condition is TrunkCondition.CredentialsRefused or TrunkCondition.RegistrationFailed,
            "the trunk to be reported refused",
            TimeSpan.FromSeconds(60),
            Cancellation);
        var (_, body, text) = await rig.HealthAsync(Cancellation);
        Report("wrong password at start", rig.Monitor.Logs.GetSnapshot().Where(r => r.Id.Id is 1601 or 1604).ToList(), text);

        Assert.NotEmpty(rig.Provider.Events("REFUSED"));
        Assert.Empty(rig.Provider.Events("REGISTERED"));
        Assert.Contains("SIP_PASSWORD", body.GetProperty("checks").GetProperty("trunk").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("Degraded", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_provider_restart_is_reported_as_it_happens_and_calls_arrive_again_after_it()
    {
        SipToolchain.SkipUnlessAvailable();
        await using var rig = await SipRig.StartAsync(null, Cancellation);
        var line = await rig.WaitForRegistrationAsync(Cancellation);
        await rig.WaitForTrunkAsync(TrunkCondition.Registered, Cancellation);

        // Asterisk reports the keep-alives only when they change, so the provider goes down once it has answered one
        // after the registration and Asterisk's last report (if the monitor saw one) is not "unreachable".
        var status = rig.Monitor.GetRequiredService<TrunkStatus>();
        var registeredAt = rig.Provider.Events("REGISTERED")[^1];
        await Poll.UntilAsync(
            () => rig.Provider.Events("KEEPALIVE").Any(tick => tick > registeredAt) && status.Reachability != TrunkReachability.Unreachable,
            "an answered keep-alive after the registration",
            TimeSpan.FromSeconds(60),
            Cancellation);
        var linesBeforeStop = rig.Monitor.Logs.GetSnapshot().Count(r => r.Id.Id is >= 1600 and < 1700);

        // Down: keep-alives go unanswered first, then the refresh REGISTER times out.
        await rig.Provider.StopAsync();
        await rig.WaitForTrunkAsync(TrunkCondition.KeepAliveUnanswered, Cancellation);
        var (_, _, unansweredText) = await rig.HealthAsync(Cancellation);
        await rig.WaitForTrunkAsync(TrunkCondition.RegistrarSilent, Cancellation);
        var (silentStatus, silentBody, silentText) = await rig.HealthAsync(Cancellation);

        // Back, with no memory of the registration: Asterisk registers again and the line works.
        rig.RestartProvider();
        var lineAgain = await rig.WaitForRegistrationAsync(Cancellation);
        await rig.WaitForTrunkAsync(TrunkCondition.Registered, Cancellation);
        var exit = await rig.CallAsync(rig.LineUri("+4930123456", lineAgain), [("+491701234567", "Max Mustermann", "+4930123456")], Cancellation);
        await rig.Renfield.WaitForAsync(all => all.Any(r => r.CallerDigits == "491701234567"), "the call after the restart", TimeSpan.FromSeconds(60));

        var trunkLines = rig.Monitor.Logs.GetSnapshot().Where(r => r.Id.Id is >= 1600 and < 1700).ToList();
        Report("provider restart, keep-alives unanswered", [], unansweredText);
        Report("provider restart", trunkLines, silentText);
        Assert.Equal((int)HttpStatusCode.OK, silentStatus);
        var trunk = silentBody.GetProperty("checks").GetProperty("trunk");
        Assert.Equal("Degraded", trunk.GetProperty("status").GetString());
        Assert.Contains("SIP_REGISTRAR", trunk.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(line, lineAgain);
        Assert.Equal(0, exit);

        // One line per change, in the order it happened: registered when the provider went down, then unanswered,
        // silent and registered again.
        var conditions = trunkLines.Select(r => r.Id.Id).ToList();
        var unanswered = conditions.IndexOf(1603, linesBeforeStop);
        var silent = conditions.IndexOf(1602, linesBeforeStop);
        var registered = conditions.LastIndexOf(1600);
        Assert.True(
            conditions[linesBeforeStop - 1] == 1600 && unanswered == linesBeforeStop && silent > unanswered && registered > silent,
            string.Join(", ", conditions));
        Assert.All(conditions.Zip(conditions.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
    }

    private static void Report(string what, IReadOnlyList<Microsoft.Extensions.Logging.Testing.FakeLogRecord> lines, string health)
    {
        foreach (var line in lines)
        {
            ReliabilityFigures.Report("sip " + what, $"log {line.Id.Id} {line.Level}", line.Message);
        }

        ReliabilityFigures.Report("sip " + what, "/health", health);
    }
}
