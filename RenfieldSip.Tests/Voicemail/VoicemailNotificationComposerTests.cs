using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.History;
using RenfieldSip.Monitor.Notification;
using RenfieldSip.Monitor.Voicemail;

namespace RenfieldSip.Tests.Voicemail;

public sealed class VoicemailNotificationComposerTests
{
    private static readonly TimeSpan Twelve = TimeSpan.FromSeconds(12.4);

    [Fact]
    public void A_named_caller_is_announced_by_name_with_the_length()
    {
        var notification = Composer("de").Compose(Call(name: "Max Mustermann", number: "+49 170 1234567"), Twelve, transcript: null, spoken: true);

        Assert.Equal("sip.voicemail", notification.EventType);
        Assert.Equal("Neue Sprachnachricht von Max Mustermann (0:12)", notification.Title);
        Assert.Equal(notification.Title, notification.Message);
        Assert.True(notification.Tts);
        Assert.Equal(new CallNotificationData("+49 170 1234567", "Max Mustermann"), notification.Data);
    }

    [Fact]
    public void A_name_the_caller_sent_itself_is_never_spoken_the_number_is()
    {
        var call = Call(name: "Feueralarm – Haus sofort verlassen", number: "+49 170 9001234") with { NameSource = CallerNameSource.CallerId };

        var notification = Composer("de").Compose(call, Twelve, transcript: null, spoken: true);

        Assert.Equal("Neue Sprachnachricht von +49 170 9001234 (0:12)", notification.Title);
        Assert.DoesNotContain("Feueralarm", notification.Message, StringComparison.Ordinal);
        Assert.Equal(new CallNotificationData("+49 170 9001234", null), notification.Data);
    }

    [Fact]
    public void The_transcript_goes_into_the_message_not_the_title()
    {
        var notification = Composer("de").Compose(Call(name: "Oma Helga"), TimeSpan.FromSeconds(67), "Ruf mich bitte zurück.", spoken: true);

        Assert.Equal("Neue Sprachnachricht von Oma Helga (1:07)", notification.Title);
        Assert.Equal("Neue Sprachnachricht von Oma Helga (1:07): „Ruf mich bitte zurück.“", notification.Message);
    }

    [Fact]
    public void A_withheld_caller_stays_anonymous_and_carries_no_number()
    {
        var notification = Composer("de").Compose(Call(withheld: true, number: "+49 170 9876543"), Twelve, null, spoken: true);

        Assert.Equal("Neue Sprachnachricht von einem anonymen Anrufer (0:12)", notification.Title);
        Assert.Null(notification.Data.CallerNumber);
    }

    [Fact]
    public void Number_only_unknown_and_english()
    {
        Assert.Equal("Neue Sprachnachricht von +49 30 123456 (0:12)", Composer("de").Compose(Call(number: "+49 30 123456"), Twelve, null, true).Title);
        Assert.Equal("Neue Sprachnachricht von einem unbekannten Anrufer (0:12)", Composer("de").Compose(null, Twelve, null, true).Title);
        Assert.Equal("New voice message from Max (0:12): “Call me.”", Composer("en").Compose(Call(name: "Max"), Twelve, "Call me.", true).Message);
    }

    [Fact]
    public void A_toast_only_call_leaves_a_toast_only_message()
    {
        Assert.False(Composer("de").Compose(Call(name: "Max"), Twelve, null, spoken: false).Tts);
    }

    [Theory]
    [InlineData(0.4, "0:00")]
    [InlineData(7.08, "0:07")]
    [InlineData(59.5, "1:00")]
    [InlineData(120, "2:00")]
    public void The_length_reads_as_minutes_and_seconds(double seconds, string clock) =>
        Assert.Equal(clock, VoicemailNotificationComposer.Clock(TimeSpan.FromSeconds(seconds)));

    private static VoicemailNotificationComposer Composer(string language) =>
        new(Options.Create(new WebhookOptions { Url = "http://backend:8000/api/notifications/webhook", Language = language }));

    private static CallRecord Call(string? name = null, string? number = null, bool withheld = false) => new()
    {
        CallId = "1796597954.4",
        StartedAt = DateTimeOffset.UnixEpoch,
        CallerName = name,
        CallerNumber = number,
        Withheld = withheld,
    };
}
