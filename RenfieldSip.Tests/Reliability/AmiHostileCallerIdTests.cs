using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Testing;
using RenfieldSip.Tests.EndToEnd;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Reliability;

/// <summary>
/// Matrix row 11: the caller id is written by whoever places the call. Its name is never spoken (Renfield gets the
/// number); whatever it holds is kept for the call list as short, printable text, the announcement is valid JSON, it
/// never becomes a log line of its own, and an injected AMI line can neither invent a call nor take over another
/// call's identity.
/// </summary>
public sealed class AmiHostileCallerIdTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    public static TheoryData<string, string> HostileNames => new()
    {
        { "json", "\"},\"title\":\"pwned\",\"data\":{\"x\":\"\\u0000\\\" <script>alert(1)</script> &amp; {{name}} ${jndi:x}" },
        { "10 kB", string.Concat(Enumerable.Repeat("Wortwort ", 1200)) },
        { "control", "A\u0007B\u001b[31mC\u0000D\u007fE\u0085F\u202eG\rH\u200bI\tJ" },
        { "escaped CRLF (what an escaping Asterisk sends)", "Evil\\r\\nUniqueid: 1795600200.99\\r\\n\\r\\nEvent: Newchannel" },
        { "invalid UTF-8", Encoding.Latin1.GetString([0x4D, 0xFF, 0xC3, 0x28, 0xF0, 0x9F, 0x98, 0x41, 0xED, 0xA0, 0x80, 0x5A]) },
    };

    [Theory]
    [MemberData(nameof(HostileNames))]
    public async Task Hostile_caller_name_never_reaches_the_webhook_and_is_listed_as_bounded_printable_text(string kind, string name)
    {
        await using var harness = await EndToEndHarness.StartAsync();
        var connection = await harness.Ami.WaitForLoginAsync(1, Wait);
        var call = new SyntheticCall("1795600200.1", "+4915112343001", name, rawBytes: kind == "invalid UTF-8");
        var bytes = call.Complete;

        // One byte per TCP segment also splits every multi-byte sequence.
        await connection.SendAsync(bytes, [.. Enumerable.Range(1, bytes.Length - 1)]);
        var announcement = Assert.Single(await harness.FinishWithSentinelAsync(connection));

        var request = harness.Renfield.Requests.First(r => r.CallerDigits == call.Digits);
        ReliabilityFigures.Report("11 hostile caller id", $"webhook body for a {kind} name ({name.Length} chars in)", request.Body.Length + " bytes");
        AssertSafe(announcement, request.Body);
        Assert.Equal(call.Digits, request.CallerDigits);

        // The caller's own name is not spoken: the announcement names the number, and no second "title" key appears.
        Assert.Equal("Anruf von " + announcement.GetProperty("data").GetProperty("caller_number").GetString(), announcement.GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, announcement.GetProperty("data").GetProperty("caller_name").ValueKind);
        var listed = await History.CallHistoryApi.WaitForCallAsync(harness.Monitor, call.UniqueId, TestContext.Current.CancellationToken);
        Assert.Equal("caller_id", listed.GetProperty("name_source").GetString());
        var kept = listed.GetProperty("caller_name").GetString();
        Assert.NotNull(kept);
        Assert.True(kept.Length <= 64, $"'{kept}' is {kept.Length} chars");
        Assert.DoesNotContain(kept, c => char.IsControl(c) || c == '\uFFFD' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format);
        AssertLogsClean(harness.Monitor.Logs, "pwned", "Wortwort", "Evil", "script");
    }

    [Fact]
    public async Task Ten_kilobyte_caller_number_is_cut_to_a_bounded_number_everywhere()
    {
        await using var harness = await EndToEndHarness.StartAsync();
        var connection = await harness.Ami.WaitForLoginAsync(1, Wait);
        var number = "+4915112343002" + string.Concat(Enumerable.Repeat("\u00071234567890", 1000));
        var call = new SyntheticCall("1795600200.2", number, "Lange Nummer");

        await connection.SendAsync(call.Complete);
        var announcement = Assert.Single(await harness.FinishWithSentinelAsync(connection));

        var request = harness.Renfield.Requests.First(r => r.CallerDigits != EndToEndHarness.Sentinel.Digits);
        ReliabilityFigures.Report("11 hostile caller id", "webhook body for a 10 kB caller number", request.Body.Length + " bytes");
        AssertSafe(announcement, request.Body);
        AssertLogsClean(harness.Monitor.Logs);
    }

    [Fact]
    public async Task Injected_lines_in_a_caller_name_neither_create_a_call_nor_take_over_another()
    {
        await using var harness = await EndToEndHarness.StartAsync();
        var connection = await harness.Ami.WaitForLoginAsync(1, Wait);
        var victim = new SyntheticCall("1795600300.1", "+4915112344001", "Echte Anruferin");

        // A PBX that passes a raw line break through: the lines after it look like fields of the same event, and a
        // blank line ends the event early, so what follows looks like an event of its own.
        var takeover = new SyntheticCall(
            "1795600300.2",
            "+4915112344002",
            "Mallory\r\nUniqueid: " + victim.UniqueId + "\r\nContext: incoming-calls\r\nPresentation: allowed_not_screened");
        var bareLf = new SyntheticCall(
            "1795600300.3",
            "+4915112344003",
            "Mallory\nUniqueid: " + victim.UniqueId + "\nPresentation: allowed_not_screened");
        var forged = new SyntheticCall(
            "1795600300.4",
            "+4915112344004",
            "Mallory\r\n\r\nEvent: Newchannel\r\nPrivilege: call,all\r\nChannel: PJSIP/sip-provider-endpoint-000000ff\r\n"
            + "CallerIDNum: +491701234567\r\nContext: incoming-calls\r\nExten: +4930123456\r\nUniqueid: 1795600300.99");

        await connection.SendAsync(victim.Newchannel);
        await connection.SendAsync(SyntheticCall.Join(takeover.Ringing, bareLf.Ringing, forged.Ringing));
        await connection.SendAsync(SyntheticCall.Join(victim.UserEvent, takeover.Hangup, bareLf.Hangup, forged.Hangup, victim.Hangup));
        var announcements = await harness.FinishWithSentinelAsync(connection);

        var victimAnnouncement = Assert.Single(announcements);
        Assert.Equal(victim.Digits, PhoneDigits.Of(victimAnnouncement.GetProperty("data").GetProperty("caller_number").GetString()));
        var victimListed = await History.CallHistoryApi.WaitForCallAsync(harness.Monitor, victim.UniqueId, TestContext.Current.CancellationToken);
        Assert.Equal("Echte Anruferin", victimListed.GetProperty("caller_name").GetString());
        Assert.DoesNotContain(harness.Renfield.Requests, r => Encoding.UTF8.GetString(r.Body).Contains("Mallory", StringComparison.Ordinal)
            || Encoding.UTF8.GetString(r.Body).Contains("Max Mustermann", StringComparison.Ordinal));
        Assert.Contains(harness.Monitor.Logs.GetSnapshot(), r => r.Id.Id == 1113);
        AssertLogsClean(harness.Monitor.Logs, "Mallory");
    }

    private static void AssertSafe(JsonElement announcement, byte[] body)
    {
        // The fake already parsed the body as JSON; these are the bounds a TTS voice and a toast can live with.
        Assert.True(body.Length < 1024, $"body of {body.Length} bytes");
        Assert.Equal(["event_type", "title", "message", "urgency", "room", "tts", "data"], announcement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["caller_number", "caller_name"], announcement.GetProperty("data").EnumerateObject().Select(p => p.Name));
        foreach (var text in new[]
                 {
                     announcement.GetProperty("title").GetString(), announcement.GetProperty("message").GetString(),
                     announcement.GetProperty("data").GetProperty("caller_number").GetString(),
                 })
        {
            Assert.NotNull(text);
            Assert.True(text.Length <= 100, $"'{text}' is {text.Length} chars");
            Assert.DoesNotContain(text, c => char.IsControl(c) || c == '\uFFFD' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format);
        }
    }

    private static void AssertLogsClean(FakeLogCollector logs, params string[] hostileMarkers)
    {
        foreach (var record in logs.GetSnapshot())
        {
            var texts = new[] { record.Message }.Concat(record.StructuredState?.Select(kv => kv.Value ?? string.Empty) ?? []);
            foreach (var text in texts)
            {
                Assert.True(text.Length <= 600, $"log line {record.Id} has {text.Length} chars");
                Assert.DoesNotContain(text, c => char.IsControl(c));
                foreach (var marker in hostileMarkers)
                {
                    Assert.DoesNotContain(marker, text, StringComparison.Ordinal);
                }
            }
        }
    }
}
