using System.Globalization;
using System.Text.Json;
using RenfieldSip.Tests.History;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.EndToEnd;

/// <summary>The phonebook's rules on the real monitor: AMI events in, Renfield's webhook out.</summary>
public sealed class CallRulesEndToEndTests
{
    [Fact]
    public async Task A_blocked_caller_is_not_posted_a_quiet_hours_caller_is_a_toast_and_the_called_number_sets_room_and_urgency()
    {
        // Quiet from two hours ago to two hours from now, Berlin time: covers the test whatever the hour.
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, berlin);
        var blocked = SyntheticCall.Numbered(1);
        var quiet = SyntheticCall.Numbered(2);
        var family = SyntheticCall.Numbered(3);
        var phonebook = $$"""
            contacts:
              "{{family.CallerNumber}}": { name: "Oma Helga", groups: [Familie] }
            rules:
              blocked:
                numbers: ["{{blocked.CallerNumber}}"]
              quiet_hours:
                from: "{{now.AddHours(-2).ToString("HH:mm", CultureInfo.InvariantCulture)}}"
                to: "{{now.AddHours(2).ToString("HH:mm", CultureInfo.InvariantCulture)}}"
                always_speak: { groups: [familie] }
              called_numbers:
                "+49 30 123456": { room: "Büro", urgency: "critical" }
            """;
        await using var harness = await EndToEndHarness.StartAsync(phonebook: phonebook);
        var connection = await harness.Ami.WaitForLoginAsync(1, TimeSpan.FromSeconds(10));

        await connection.SendAsync(SyntheticCall.Join(blocked.Complete, quiet.Complete, family.Complete));
        var announced = await harness.FinishWithSentinelAsync(connection);

        Assert.DoesNotContain(announced, json => Digits(json) == blocked.Digits);
        var toast = Assert.Single(announced, json => Digits(json) == quiet.Digits);
        Assert.Equal((false, "Büro", "critical"), (toast.GetProperty("tts").GetBoolean(), toast.GetProperty("room").GetString(), toast.GetProperty("urgency").GetString()));
        var spoken = Assert.Single(announced, json => Digits(json) == family.Digits);
        Assert.Equal(("Anruf von Oma Helga", true, "Büro"), (spoken.GetProperty("title").GetString(), spoken.GetProperty("tts").GetBoolean(), spoken.GetProperty("room").GetString()));

        var silenced = Assert.Single(harness.Monitor.Logs.WithId(1111 /* SilencedByRule */));
        Assert.Equal("blocked", silenced.GetStructuredStateValue("Rule"));
        Assert.DoesNotContain(blocked.Digits, silenced.Message, StringComparison.Ordinal);
        Assert.Single(harness.Monitor.Logs.WithId(1112 /* ToastOnlyByRule */), record => record.Message.Contains("quiet_hours", StringComparison.Ordinal)
            && record.GetStructuredStateValue("CallId") == quiet.UniqueId);

        // The call history says the same, call by call.
        var history = (await CallHistoryApi.WaitForCallsAsync(harness.Monitor, 3, Cancellation)).ToDictionary(call => call.GetProperty("call_id").GetString()!);
        Assert.Equal(("blocked_by_rule", "blocked", JsonValueKind.Null), Decision(history[blocked.UniqueId]));
        Assert.Equal(("announced", "quiet_hours", JsonValueKind.False), Decision(history[quiet.UniqueId]));
        Assert.Equal(("announced", null, JsonValueKind.True), Decision(history[family.UniqueId]));
        Assert.Equal(("Oma Helga", "phonebook", "phonebook.yaml"), (
            history[family.UniqueId].GetProperty("caller_name").GetString(),
            history[family.UniqueId].GetProperty("name_source").GetString(),
            history[family.UniqueId].GetProperty("phonebook_source").GetString()));
    }

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static (string? Outcome, string? Rule, JsonValueKind Spoken) Decision(JsonElement call) =>
        (call.GetProperty("outcome").GetString(), call.GetProperty("rule").GetString(), call.GetProperty("spoken").ValueKind);

    private static string Digits(JsonElement json) =>
        PhoneDigits.Of(json.GetProperty("data").GetProperty("caller_number").GetString());
}
