using RenfieldSip.Monitor.Calls;
using RenfieldSip.Monitor.Identity;

namespace RenfieldSip.Tests.Calls;

/// <summary>The real Asterisk captures through dispatcher and tracker: which calls are announced, with what identity.</summary>
public sealed class CallTrackerCaptureTests
{
    [Theory]
    [InlineData("known-caller-cancel.ami")]
    [InlineData("known-caller-cancel.read-all.ami")]
    [InlineData("known-caller-asterisk-hangup.ami")]
    [InlineData("known-caller-asterisk-hangup.read-all.ami")]
    public void Known_caller_without_identity_event_is_announced_without_caller_id_by_default(string capture)
    {
        using var harness = new CallTrackerHarness();

        var call = Assert.Single(harness.Replay(capture));

        Assert.Equal("+4930123456", call.Did);
        Assert.Equal(CallerPresentation.Unknown, call.Presentation);
        Assert.Null(call.CallerNumber);
        Assert.Null(call.CallerName);
        Assert.Equal(0, harness.Tracker.ActiveCalls);
        Assert.Contains(harness.Logs.GetSnapshot(), r => r.Id.Id == 1104);
    }

    [Theory]
    [InlineData("known-caller-cancel.ami", "+491701234567", "Max Mustermann")]
    [InlineData("known-caller-cancel.read-all.ami", "+491701234567", "Max Mustermann")]
    [InlineData("national-caller-pai-cancel.ami", "01705555555", "Erika Musterfrau")]
    [InlineData("national-caller-pai-cancel.read-all.ami", "01705555555", "Erika Musterfrau")]
    [InlineData("anonymous-caller-cancel.ami", "anonymous", "Anonymous")]
    public void Trusted_caller_id_is_the_one_asterisk_reported(string capture, string number, string name)
    {
        using var harness = new CallTrackerHarness(new CallOptions { TrustCallerIdWithoutPresentation = true });

        var call = Assert.Single(harness.Replay(capture));

        Assert.Equal(number, call.CallerNumber);
        Assert.Equal(name, call.CallerName);
    }

    [Fact]
    public void Identity_event_announces_at_once_with_the_settled_caller_id()
    {
        using var harness = new CallTrackerHarness();

        var call = Assert.Single(harness.Replay("privacy-rewrite-userevent-known.ami"));

        Assert.Equal(CallerPresentation.Allowed, call.Presentation);
        Assert.Equal("+491701234567", call.CallerNumber);
        Assert.Equal("Max Mustermann", call.CallerName);
        Assert.Equal("+4930123456", call.Did);
        Assert.Equal(harness.Time.GetUtcNow() - TimeSpan.FromMinutes(1), call.DetectedAt);
        Assert.DoesNotContain(harness.Logs.GetSnapshot(), r => r.Id.Id == 1104);
    }

    [Fact]
    public void Withheld_number_never_leaves_the_tracker()
    {
        using var harness = new CallTrackerHarness(new CallOptions { TrustCallerIdWithoutPresentation = true });

        var call = Assert.Single(harness.Replay("privacy-rewrite-userevent-withheld.ami"));

        Assert.Equal(CallerPresentation.Withheld, call.Presentation);
        Assert.Null(call.CallerNumber);
        Assert.Null(call.CallerName);
        Assert.DoesNotContain(harness.Logs.GetSnapshot(), r => r.Message.Contains("9876543", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("anonymous-pai-privacy-cancel.ami")]
    [InlineData("anonymous-pai-privacy-cancel.read-all.ami")]
    public void Withheld_number_behind_a_dialplan_without_identity_event_is_not_announced_by_default(string capture)
    {
        using var harness = new CallTrackerHarness();

        var call = Assert.Single(harness.Replay(capture));

        Assert.Null(call.CallerNumber);
        Assert.DoesNotContain(harness.Logs.GetSnapshot(), r => r.Message.Contains("9876543", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("concurrent-10-calls.ami")]
    [InlineData("concurrent-10-calls.read-all.ami")]
    public void Ten_concurrent_calls_are_ten_announcements_keyed_by_uniqueid(string capture)
    {
        using var harness = new CallTrackerHarness(new CallOptions { TrustCallerIdWithoutPresentation = true });

        var calls = harness.Replay(capture);

        Assert.Equal(10, calls.Count);
        Assert.Equal(10, calls.Select(c => c.CallId).Distinct().Count());
        string[] expected = ["+491701000001", "+491701000002", "01701000003", "+491701000004", "+4989100005", "+491701000006", "01701000007", "+491701000008", "+441701000009", "+491701000010"];
        Assert.Equal(expected.Order(StringComparer.Ordinal), calls.Select(c => c.CallerNumber ?? "").Order(StringComparer.Ordinal));
        Assert.Equal(0, harness.Tracker.ActiveCalls);
    }

    [Theory]
    [InlineData("local-channel-originate.ami")]
    [InlineData("local-channel-originate.read-all.ami")]
    [InlineData("late-login-during-call.ami")]
    [InlineData("late-login-during-call.read-all-status.ami")]
    [InlineData("callmonitor-permission-denied.ami")]
    public void Local_channels_and_calls_started_before_login_are_not_announced(string capture)
    {
        using var harness = new CallTrackerHarness(new CallOptions { TrustCallerIdWithoutPresentation = true });

        Assert.Empty(harness.Replay(capture));
        Assert.Equal(0, harness.Tracker.ActiveCalls);
    }

    [Theory]
    [InlineData("no-user-ruri-s-loop-cancel.ami", "s")]
    [InlineData("national-did-cancel.ami", "030123456")]
    [InlineData("national-did-cancel.read-all.ami", "030123456")]
    public void Did_comes_from_the_first_newchannel(string capture, string did)
    {
        using var harness = new CallTrackerHarness();

        var call = Assert.Single(harness.Replay(capture));

        Assert.Equal(did, call.Did);
    }

    [Fact]
    public void Call_hung_up_before_its_identity_settled_is_not_announced()
    {
        using var harness = new CallTrackerHarness(new CallOptions { SettleTimeout = TimeSpan.FromSeconds(10) });

        Assert.Empty(harness.Replay("known-caller-cancel.ami"));
        Assert.Contains(harness.Logs.GetSnapshot(), r => r.Id.Id == 1103);
    }

    [Fact]
    public void Session_loss_forgets_ringing_calls()
    {
        using var harness = new CallTrackerHarness();
        harness.Tracker.OnChannelCreated("1.1", "+4930123456", "+491701234567", "Max");

        harness.Dispatcher.OnSessionEnded();
        harness.Time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(0, harness.Tracker.ActiveCalls);
        Assert.Empty(harness.Drain());
    }
}
