using System.Text;
using System.Text.Json;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.EndToEnd;

/// <summary>
/// Every real capture, replayed over TCP with Asterisk's own segmentation and timing into the real monitor, against a
/// webhook that behaves like Renfield's: which announcements arrive, with which words.
/// </summary>
public sealed class CaptureReplayEndToEndTests
{
    private static readonly Dictionary<string, string?> TrustCallerId = new() { ["Calls:TrustCallerIdWithoutPresentation"] = "true" };

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Known_caller_settled_by_the_dialplan_is_announced_with_exactly_the_documented_payload()
    {
        await using var harness = await EndToEndHarness.StartAsync();

        await harness.PlayAsync("privacy-rewrite-userevent-known.ami", Cancellation);

        var request = Assert.Single(harness.Renfield.Requests, r => r.CallerDigits != EndToEndHarness.Sentinel.Digits);
        Assert.Equal(
            """{"event_type":"sip.incoming_call","title":"Anruf von Max Mustermann","message":"Eingehender Anruf von Max Mustermann","urgency":"info","room":null,"tts":true,"data":{"caller_number":"+49 170 1234567","caller_name":"Max Mustermann"}}""",
            Encoding.UTF8.GetString(request.Body));
        Assert.Equal("Bearer e2e-token", request.Header("Authorization"));
    }

    [Fact]
    public async Task Withheld_number_is_announced_anonymously_and_appears_nowhere()
    {
        await using var harness = await EndToEndHarness.StartAsync(TrustCallerId);

        var announcement = Assert.Single(await harness.PlayAsync("privacy-rewrite-userevent-withheld.ami", Cancellation));

        Assert.Equal(JsonValueKind.Null, announcement.GetProperty("data").GetProperty("caller_number").ValueKind);
        Assert.Equal("Anonymer Anrufer", announcement.GetProperty("data").GetProperty("caller_name").GetString());
        AssertNowhere(harness, "9876543");
    }

    [Theory]
    [InlineData("anonymous-pai-privacy-cancel.ami")]
    [InlineData("anonymous-pai-privacy-cancel.read-all.ami")]
    public async Task Withheld_number_behind_a_legacy_dialplan_is_not_revealed_by_default(string capture)
    {
        await using var harness = await EndToEndHarness.StartAsync();

        var announcement = Assert.Single(await harness.PlayAsync(capture, Cancellation));

        Assert.Equal(JsonValueKind.Null, announcement.GetProperty("data").GetProperty("caller_number").ValueKind);
        AssertNowhere(harness, "9876543");
    }

    [Theory]
    [InlineData("known-caller-cancel.ami", "Anruf von Max Mustermann", "+49 170 1234567")]
    [InlineData("known-caller-cancel.read-all.ami", "Anruf von Max Mustermann", "+49 170 1234567")]
    [InlineData("known-caller-asterisk-hangup.ami", "Anruf von Max Mustermann", "+49 170 1234567")]
    [InlineData("known-caller-asterisk-hangup.read-all.ami", "Anruf von Max Mustermann", "+49 170 1234567")]
    [InlineData("national-caller-pai-cancel.ami", "Anruf von Oma Helga", "+49 170 5555555")]
    [InlineData("national-caller-pai-cancel.read-all.ami", "Anruf von Oma Helga", "+49 170 5555555")]
    [InlineData("national-did-cancel.ami", "Anruf von Max Mustermann", "+49 170 1234567")]
    [InlineData("national-did-cancel.read-all.ami", "Anruf von Max Mustermann", "+49 170 1234567")]
    [InlineData("no-user-ruri-s-loop-cancel.ami", "Anruf von Max Mustermann", "+49 170 1234567")]
    [InlineData("no-user-ruri-s-loop-cancel.read-all.ami", "Anruf von Max Mustermann", "+49 170 1234567")]
    public async Task Legacy_dialplan_with_trusted_caller_id_announces_the_phonebook_name(string capture, string title, string number)
    {
        await using var harness = await EndToEndHarness.StartAsync(TrustCallerId);

        var announcement = Assert.Single(await harness.PlayAsync(capture, Cancellation));

        Assert.Equal(title, announcement.GetProperty("title").GetString());
        Assert.Equal(number, announcement.GetProperty("data").GetProperty("caller_number").GetString());
    }

    [Theory]
    [InlineData("known-caller-cancel.ami")]
    [InlineData("national-caller-pai-cancel.ami")]
    public async Task Legacy_dialplan_without_trust_announces_an_unknown_caller(string capture)
    {
        await using var harness = await EndToEndHarness.StartAsync();

        var announcement = Assert.Single(await harness.PlayAsync(capture, Cancellation));

        Assert.Equal("Unbekannter Anrufer", announcement.GetProperty("data").GetProperty("caller_name").GetString());
        Assert.Equal(JsonValueKind.Null, announcement.GetProperty("data").GetProperty("caller_number").ValueKind);
    }

    [Theory]
    [InlineData("anonymous-caller-cancel.ami")]
    [InlineData("anonymous-caller-cancel.read-all.ami")]
    public async Task Anonymous_caller_gets_the_neutral_wording(string capture)
    {
        await using var harness = await EndToEndHarness.StartAsync(TrustCallerId);

        var announcement = Assert.Single(await harness.PlayAsync(capture, Cancellation));

        Assert.Equal("Anonymer Anrufer", announcement.GetProperty("data").GetProperty("caller_name").GetString());
    }

    [Theory]
    [InlineData("concurrent-10-calls.ami")]
    [InlineData("concurrent-10-calls.read-all.ami")]
    public async Task Ten_concurrent_calls_are_ten_announcements(string capture)
    {
        await using var harness = await EndToEndHarness.StartAsync(TrustCallerId);

        var announcements = await harness.PlayAsync(capture, Cancellation);

        string[] expected =
        [
            "+49 170 1000001", "+49 170 1000002", "+49 170 1000003", "+49 170 1000004", "+49 89 100005",
            "+49 170 1000006", "+49 170 1000007", "+49 170 1000008", "+44 1701 000009", "+49 170 1000010",
        ];
        Assert.Equal(
            expected.Select(PhoneDigits.Of).Order(StringComparer.Ordinal),
            announcements.Select(a => PhoneDigits.Of(a.GetProperty("data").GetProperty("caller_number").GetString())).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("local-channel-originate.ami")]
    [InlineData("local-channel-originate.read-all.ami")]
    [InlineData("late-login-during-call.ami")]
    [InlineData("late-login-during-call.read-all-status.ami")]
    [InlineData("callmonitor-permission-denied.ami")]
    public async Task Local_channels_and_calls_from_before_the_login_are_not_announced(string capture)
    {
        await using var harness = await EndToEndHarness.StartAsync(TrustCallerId);

        Assert.Empty(await harness.PlayAsync(capture, Cancellation));
    }

    [Fact]
    public async Task Capture_fed_one_byte_per_tcp_segment_gives_the_same_announcements()
    {
        await using var harness = await EndToEndHarness.StartAsync(TrustCallerId);
        var connection = await harness.Ami.WaitForLoginAsync(1, TimeSpan.FromSeconds(10));
        var baseline = harness.Monitor.AmiStatus.EventsRead;
        var capture = AmiCapture.Load("concurrent-10-calls.ami");

        // Only the ten Newchannels, then the settle timeout passes: each call is settled by the fallback.
        var newchannels = capture.Blocks.Where(b => b.StartsWith("Event: Newchannel", StringComparison.Ordinal)).ToList();
        var bytes = Encoding.UTF8.GetBytes(string.Concat(newchannels.Select(b => b + "\r\n\r\n")));
        await connection.SendAsync(bytes, [.. Enumerable.Range(1, bytes.Length - 1)]);
        await harness.Monitor.WaitForEventsReadAsync(baseline, newchannels.Count, Cancellation);
        harness.Monitor.SettleClock.Advance(TimeSpan.FromSeconds(1));
        await harness.Renfield.WaitForDeliveredAsync(10, TimeSpan.FromSeconds(10));

        Assert.Equal(10, (await harness.FinishWithSentinelAsync(connection)).Count);
    }

    [Fact]
    public async Task Same_caller_twice_within_the_window_is_announced_once_but_withheld_callers_each_time()
    {
        await using var harness = await EndToEndHarness.StartAsync();
        var connection = await harness.Ami.WaitForLoginAsync(1, TimeSpan.FromSeconds(10));
        var known = Encoding.UTF8.GetString(AmiCapture.Load("privacy-rewrite-userevent-known.ami").Body.Span);
        var withheld = Encoding.UTF8.GetString(AmiCapture.Load("privacy-rewrite-userevent-withheld.ami").Body.Span);

        await connection.SendAsync(known);
        await connection.SendAsync(known.Replace("1795513760.1", "1795513760.2", StringComparison.Ordinal));
        await connection.SendAsync(withheld);
        await connection.SendAsync(withheld.Replace("1795513755.0", "1795513755.9", StringComparison.Ordinal));
        var announcements = await harness.FinishWithSentinelAsync(connection);

        Assert.Single(announcements, a => a.GetProperty("title").GetString() == "Anruf von Max Mustermann");
        Assert.Equal(2, announcements.Count(a => a.GetProperty("data").GetProperty("caller_name").GetString() == "Anonymer Anrufer"));
    }

    private static void AssertNowhere(EndToEndHarness harness, string digits)
    {
        Assert.DoesNotContain(harness.Renfield.Requests, r => Encoding.UTF8.GetString(r.Body).Contains(digits, StringComparison.Ordinal));
        Assert.DoesNotContain(harness.Monitor.Logs.GetSnapshot(), r => r.Message.Contains(digits, StringComparison.Ordinal)
            || (r.StructuredState?.Any(kv => kv.Value?.Contains(digits, StringComparison.Ordinal) == true) ?? false));
    }
}
