using System.Text.Json;
using RenfieldSip.Monitor.History;
using RenfieldSip.Monitor.Rules;
using RenfieldSip.Monitor.Text;

namespace RenfieldSip.Tests.Text;

/// <summary>The decisions' wire names: what Renfield's page, the REST API, MCP and the Redis entries see.</summary>
public sealed class SnakeCaseEnumConverterTests
{
    [Theory]
    [InlineData(nameof(DecidingRule.Blocked), "blocked")]
    [InlineData(nameof(DecidingRule.QuietHours), "quiet_hours")]
    public void A_rule_is_spelt_as_the_phonebook_spells_it(string member, string name)
    {
        Assert.Equal(name, SnakeCaseEnumConverter<DecidingRule>.Name(Enum.Parse<DecidingRule>(member)));
    }

    [Theory]
    [InlineData(nameof(RenfieldStatus.Delivered), "delivered")]
    [InlineData(nameof(RenfieldStatus.DuplicateSuppressedByRenfield), "duplicate_suppressed_by_renfield")]
    [InlineData(nameof(RenfieldStatus.Unauthorized), "unauthorized")]
    [InlineData(nameof(RenfieldStatus.Disabled), "disabled")]
    [InlineData(nameof(RenfieldStatus.Rejected), "rejected")]
    public void Renfields_status_keeps_its_names(string member, string name)
    {
        Assert.Equal(name, SnakeCaseEnumConverter<RenfieldStatus>.Name(Enum.Parse<RenfieldStatus>(member)));
    }

    [Theory]
    [InlineData(nameof(VoicemailAnnouncement.Delivered), "delivered")]
    [InlineData(nameof(VoicemailAnnouncement.BlockedByRule), "blocked_by_rule")]
    [InlineData(nameof(VoicemailAnnouncement.SuppressedByDedup), "suppressed_by_dedup")]
    [InlineData(nameof(VoicemailAnnouncement.DeadlineExceeded), "deadline_exceeded")]
    public void A_messages_announcement_keeps_its_names(string member, string name)
    {
        Assert.Equal(name, SnakeCaseEnumConverter<VoicemailAnnouncement>.Name(Enum.Parse<VoicemailAnnouncement>(member)));
    }

    [Fact]
    public void Every_value_of_every_decision_parses_back_from_its_name()
    {
        AssertRoundTrips<DecidingRule>();
        AssertRoundTrips<RenfieldStatus>();
        AssertRoundTrips<VoicemailAnnouncement>();
        AssertRoundTrips<CallOutcome>();
    }

    [Theory]
    [InlineData("Blocked")]
    [InlineData("quiet hours")]
    [InlineData("1")]
    [InlineData("")]
    public void Only_the_exact_name_parses(string text)
    {
        Assert.False(SnakeCaseEnumConverter<DecidingRule>.TryParse(text, out _));
    }

    [Fact]
    public void A_record_keeps_its_wire_format_and_reads_back()
    {
        var record = new CallRecord
        {
            CallId = "1700000000.1",
            StartedAt = DateTimeOffset.UnixEpoch,
            Outcome = CallOutcome.Announced,
            RenfieldStatus = RenfieldStatus.DuplicateSuppressedByRenfield,
            Rule = DecidingRule.QuietHours,
            Spoken = false,
            Voicemail = new CallVoicemail { DurationSeconds = 3, Announcement = VoicemailAnnouncement.BlockedByRule, AudioUrl = "/api/calls/1700000000.1/voicemail" },
        };

        var json = JsonSerializer.Serialize(record, CallHistoryJsonContext.Default.CallRecord);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        Assert.Equal("duplicate_suppressed_by_renfield", root.GetProperty("renfield_status").GetString());
        Assert.Equal("quiet_hours", root.GetProperty("rule").GetString());
        Assert.Equal("blocked_by_rule", root.GetProperty("voicemail").GetProperty("announcement").GetString());
        Assert.Equal(record, JsonSerializer.Deserialize(json, CallHistoryJsonContext.Default.CallRecord));
    }

    [Fact]
    public void A_record_without_a_rule_or_status_writes_null()
    {
        var json = JsonSerializer.Serialize(
            new CallRecord { CallId = "c", StartedAt = DateTimeOffset.UnixEpoch, Outcome = CallOutcome.Failed },
            CallHistoryJsonContext.Default.CallRecord);
        using var document = JsonDocument.Parse(json);

        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("rule").ValueKind);
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("renfield_status").ValueKind);
    }

    [Theory]
    [InlineData("""{"call_id":"c","started_at":"2026-01-01T00:00:00+00:00","rule":"weekend"}""")]
    [InlineData("""{"call_id":"c","started_at":"2026-01-01T00:00:00+00:00","rule":1}""")]
    [InlineData("""{"call_id":"c","started_at":"2026-01-01T00:00:00+00:00","renfield_status":"teapot"}""")]
    public void A_stored_record_with_an_unknown_name_is_refused(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, CallHistoryJsonContext.Default.CallRecord));
    }

    private static void AssertRoundTrips<TEnum>()
        where TEnum : struct, Enum
    {
        foreach (var value in Enum.GetValues<TEnum>())
        {
            Assert.True(SnakeCaseEnumConverter<TEnum>.TryParse(SnakeCaseEnumConverter<TEnum>.Name(value), out var parsed));
            Assert.Equal(value, parsed);
        }
    }
}
