using System.Diagnostics;
using System.Text;
using RenfieldSip.Monitor.Ami;
using RenfieldSip.Tests.EndToEnd;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Reliability;

/// <summary>
/// Matrix row 1: Asterisk restarts mid-stream and mid-call. The AMI server closes every session, refuses connects
/// for a while, and comes back on the same port; the real monitor must log in again, announce what follows, and
/// announce nothing twice. How fast it logs in again is a figure (the backoff schedule itself is asserted on fake
/// time in <c>AmiClientTests</c>).
/// </summary>
public sealed class AmiRestartTests
{
    // Long enough for the reconnect backoff to reach its cap (100, 200, 400, 800 ms, then 1 s): the worst case.
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Restart_mid_call_is_refused_then_logs_in_again_announces_what_follows_and_nothing_twice()
    {
        // A call that has only its Newchannel stays ringing unannounced: the harness's settle clock does not move.
        await using var harness = await EndToEndHarness.StartAsync();
        var announcedBefore = new SyntheticCall("1795600000.1", "+4915112340001", "Vor dem Neustart");
        var ringingAcross = new SyntheticCall("1795600000.2", "+4915112340002", "Klingelt im Neustart");
        var wholeGap = new SyntheticCall("1795600000.3", "+4915112340003", "Nur in der Lücke");
        var cutInHalf = new SyntheticCall("1795600000.4", "+4915112340004", "Halber Block");
        var after = new SyntheticCall("1795600000.5", "+4915112340005", "Nach dem Neustart");

        var first = await harness.Ami.WaitForLoginAsync(1, Wait);
        await first.SendAsync(announcedBefore.Ringing);
        await harness.Renfield.WaitForAsync(r => r.Any(x => x.CallerDigits == announcedBefore.Digits), "the first call", Wait);
        await first.SendAsync(ringingAcross.Newchannel);

        // Mid-stream: the session dies in the middle of a block, as when Asterisk is killed while writing.
        var half = cutInHalf.Newchannel;
        await first.SendAsync(half.AsMemory(0, half.Length / 2));
        await harness.Ami.StopAsync();
        await first.Closed.WaitAsync(Wait, Cancellation);

        // The outage is the scenario (Asterisk takes seconds to come back); the monitor must have been refused in it.
        var status = harness.Monitor.AmiStatus;
        var reconnectsBefore = status.Reconnects;
        await Task.Delay(Outage, Cancellation);
        await Poll.UntilAsync(() => status.Reconnects > reconnectsBefore, "a refused reconnect", Wait, Cancellation);
        Assert.NotEqual(AmiConnectionState.LoggedIn, status.State);
        var attemptsDuringOutage = status.Reconnects - reconnectsBefore;

        var accepting = Stopwatch.StartNew();
        harness.Ami.Restart();
        var second = await harness.Ami.WaitForLoginAsync(2, Wait);
        var relogin = accepting.Elapsed;

        // What Asterisk sends after the re-login: the rest of the ringing call (its identity event and hangup), the
        // hangup of a call that was announced before, the hangup of a call that lived only in the gap, a new call.
        await second.SendAsync(SyntheticCall.Join(ringingAcross.UserEvent, announcedBefore.Hangup, wholeGap.Hangup, ringingAcross.Hangup, after.Complete));
        var announcements = await harness.FinishWithSentinelAsync(second);

        ReliabilityFigures.Report("1 restart", "re-login after the server accepts again", relogin);
        ReliabilityFigures.Report("1 restart", "connect attempts during a 2 s outage", attemptsDuringOutage.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var digits = announcements.Select(a => PhoneDigits.Of(a.GetProperty("data").GetProperty("caller_number").GetString())).ToList();
        Assert.Equal([announcedBefore.Digits, ringingAcross.Digits, after.Digits], digits.Order(StringComparer.Ordinal));
        var listed = await History.CallHistoryApi.WaitForCallAsync(harness.Monitor, ringingAcross.UniqueId, TestContext.Current.CancellationToken);
        Assert.Equal("Klingelt im Neustart", listed.GetProperty("caller_name").GetString());
        Assert.DoesNotContain(harness.Renfield.Requests, r => Encoding.UTF8.GetString(r.Body).Contains("Halber", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Server_reset_instead_of_close_is_survived_the_same_way()
    {
        await using var harness = await EndToEndHarness.StartAsync();
        var before = new SyntheticCall("1795600001.1", "+4915112341001", "Vor dem Reset");
        var after = new SyntheticCall("1795600001.2", "+4915112341002", "Nach dem Reset");
        var first = await harness.Ami.WaitForLoginAsync(1, Wait);
        await first.SendAsync(before.Ringing);
        await harness.Renfield.WaitForAsync(r => r.Any(x => x.CallerDigits == before.Digits), "the first call", Wait);

        await harness.Ami.StopAsync(abortConnections: true);
        var accepting = Stopwatch.StartNew();
        harness.Ami.Restart();
        var second = await harness.Ami.WaitForLoginAsync(2, Wait);
        var relogin = accepting.Elapsed;
        await second.SendAsync(SyntheticCall.Join(before.Hangup, after.Complete));
        var announcements = await harness.FinishWithSentinelAsync(second);

        ReliabilityFigures.Report("1 restart", "re-login after an RST and an immediate restart", relogin);
        Assert.Equal(
            [before.Digits, after.Digits],
            announcements.Select(a => PhoneDigits.Of(a.GetProperty("data").GetProperty("caller_number").GetString())).Order(StringComparer.Ordinal));
    }
}
