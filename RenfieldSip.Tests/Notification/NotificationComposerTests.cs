using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.Identity;
using RenfieldSip.Monitor.Notification;
using RenfieldSip.Monitor.Text;

namespace RenfieldSip.Tests.Notification;

public sealed class NotificationComposerTests
{
    private static NotificationComposer Composer(Action<WebhookOptions>? configure = null)
    {
        var options = new WebhookOptions { Url = "http://renfield/api/notifications/webhook" };
        configure?.Invoke(options);
        return new NotificationComposer(Options.Create(options));
    }

    [Theory]
    [InlineData(nameof(CallerKind.Contact))]
    [InlineData(nameof(CallerKind.TestCall))]
    public void Contacts_and_the_test_call_are_announced_by_name_in_German(string kind)
    {
        var n = Composer().Compose(new CallerIdentity(Enum.Parse<CallerKind>(kind), "Max Mustermann", "+49 170 1234567", "+491701234567"));

        Assert.Equal(new RenfieldNotification("sip.incoming_call", "Anruf von Max Mustermann", "Eingehender Anruf von Max Mustermann", "info", null, true,
            new CallNotificationData("+49 170 1234567", "Max Mustermann")), n);
    }

    [Fact]
    public void A_test_call_without_number_keeps_number_null()
    {
        var n = Composer().Compose(new CallerIdentity(CallerKind.TestCall, "Erika", null, null));

        Assert.Equal("Anruf von Erika", n.Title);
        Assert.Equal(new CallNotificationData(null, "Erika"), n.Data);
    }

    [Theory]
    [InlineData("de", "Anruf von +49 170 1234567", "Eingehender Anruf von +49 170 1234567")]
    [InlineData("en", "Call from +49 170 1234567", "Incoming call from +49 170 1234567")]
    public void A_display_name_from_the_callers_own_signalling_is_never_spoken_or_sent_as_a_name(string language, string title, string message)
    {
        var n = Composer(o => o.Language = language).Compose(
            new CallerIdentity(CallerKind.Named, "Feueralarm – Haus sofort verlassen", "+49 170 1234567", "+491701234567"));

        Assert.Equal((title, message), (n.Title, n.Message));
        Assert.Equal(new CallNotificationData("+49 170 1234567", null), n.Data);
    }

    [Fact]
    public void Number_only_callers_are_announced_by_number()
    {
        var n = Composer().Compose(new CallerIdentity(CallerKind.NumberOnly, null, "+49 170 1234567", "+491701234567"));

        Assert.Equal("Anruf von +49 170 1234567", n.Title);
        Assert.Equal("Eingehender Anruf von +49 170 1234567", n.Message);
        Assert.Equal(new CallNotificationData("+49 170 1234567", null), n.Data);
    }

    [Fact]
    public void Withheld_callers_are_announced_neutrally_without_any_number()
    {
        var n = Composer().Compose(new CallerIdentity(CallerKind.Withheld, "leaked name", "+49 170 1234567", "+491701234567"));

        Assert.Equal("Anonymer Anruf", n.Title);
        Assert.Equal("Eingehender Anruf von einem anonymen Anrufer", n.Message);
        Assert.Equal(new CallNotificationData(null, "Anonymer Anrufer"), n.Data);
    }

    [Fact]
    public void Unknown_callers_are_announced_as_unknown()
    {
        var n = Composer().Compose(new CallerIdentity(CallerKind.Unknown, null, null, null));

        Assert.Equal("Unbekannter Anrufer", n.Title);
        Assert.Equal("Eingehender Anruf von einem unbekannten Anrufer", n.Message);
        Assert.Equal(new CallNotificationData(null, "Unbekannter Anrufer"), n.Data);
    }

    [Fact]
    public void A_number_only_caller_without_a_number_is_unknown()
    {
        var n = Composer().Compose(new CallerIdentity(CallerKind.NumberOnly, null, " ", null));

        Assert.Equal("Unbekannter Anrufer", n.Title);
    }

    [Fact]
    public void A_name_that_cleans_away_falls_back_to_the_number()
    {
        var n = Composer().Compose(new CallerIdentity(CallerKind.Contact, "\u0000\r\n", "+49 170 1234567", null));

        Assert.Equal("Anruf von +49 170 1234567", n.Title);
        Assert.Null(n.Data.CallerName);
    }

    [Theory]
    [InlineData(nameof(CallerKind.Contact), "Call from Max Mustermann", "Incoming call from Max Mustermann", "Max Mustermann")]
    [InlineData(nameof(CallerKind.NumberOnly), "Call from +49 170 1234567", "Incoming call from +49 170 1234567", null)]
    [InlineData(nameof(CallerKind.Withheld), "Anonymous call", "Incoming call from an anonymous caller", "Anonymous caller")]
    [InlineData(nameof(CallerKind.Unknown), "Unknown caller", "Incoming call from an unknown caller", "Unknown caller")]
    public void English_is_configurable(string kindName, string title, string message, string? name)
    {
        var kind = Enum.Parse<CallerKind>(kindName);
        var caller = new CallerIdentity(kind, kind == CallerKind.Contact ? "Max Mustermann" : null, kind is CallerKind.Contact or CallerKind.NumberOnly ? "+49 170 1234567" : null, null);

        var n = Composer(o => o.Language = "EN").Compose(caller);

        Assert.Equal(title, n.Title);
        Assert.Equal(message, n.Message);
        Assert.Equal(name, n.Data.CallerName);
    }

    [Fact]
    public void Urgency_room_and_tts_come_from_the_options()
    {
        var n = Composer(o => { o.Urgency = "critical"; o.Room = " Wohnzimmer "; o.Tts = false; })
            .Compose(new CallerIdentity(CallerKind.Unknown, null, null, null));

        Assert.Equal("critical", n.Urgency);
        Assert.Equal("Wohnzimmer", n.Room);
        Assert.False(n.Tts);
    }

    [Fact]
    public void An_empty_room_means_every_room()
    {
        Assert.Null(Composer(o => o.Room = "").Compose(new CallerIdentity(CallerKind.Unknown, null, null, null)).Room);
    }

    [Fact]
    public void Long_names_are_cut_short_for_the_toast_without_splitting_an_emoji()
    {
        var name = string.Concat(Enumerable.Repeat("\U0001F600", 100));

        var n = Composer().Compose(new CallerIdentity(CallerKind.Contact, name, null, null));

        Assert.True(n.Data.CallerName!.Length <= UntrustedText.MaxNameLength);
        Assert.EndsWith("\U0001F600…", n.Data.CallerName, StringComparison.Ordinal);
        Assert.Equal("Anruf von " + n.Data.CallerName, n.Title);
    }

    [Fact]
    public void Control_and_bidi_characters_become_single_spaces()
    {
        var n = Composer().Compose(new CallerIdentity(CallerKind.TestCall, " Max\r\n\u202eMuster\u0000\tmann ", null, null));

        Assert.Equal("Max Muster mann", n.Data.CallerName);
    }
}
