using System.Text;
using System.Text.Json;
using RenfieldSip.Monitor.Identity;
using RenfieldSip.Monitor.Notification;

namespace RenfieldSip.Tests.Notification;

public sealed class RenfieldJsonContextTests
{
    private const string Example = """{"event_type":"sip.incoming_call","title":"Anruf von Max Mustermann","message":"Eingehender Anruf von Max Mustermann","urgency":"info","room":null,"tts":true,"data":{"caller_number":"+49 170 1234567","caller_name":"Max Mustermann"}}""";

    [Fact]
    public void Max_Mustermann_serializes_byte_for_byte_like_the_documented_example()
    {
        var composer = new NotificationComposer(Microsoft.Extensions.Options.Options.Create(new WebhookOptions()));

        var bytes = RenfieldJsonContext.ToUtf8(composer.Compose(WebhookHarness.MaxMustermann));

        Assert.Equal(Encoding.UTF8.GetBytes(Example), bytes);
    }

    [Fact]
    public void Null_fields_are_written_not_omitted()
    {
        var bytes = RenfieldJsonContext.ToUtf8(new RenfieldNotification("e", "t", "m", "info", null, false, new CallNotificationData(null, null)));

        Assert.Equal("""{"event_type":"e","title":"t","message":"m","urgency":"info","room":null,"tts":false,"data":{"caller_number":null,"caller_name":null}}""", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Umlauts_are_plain_UTF8_and_quotes_and_controls_are_escaped()
    {
        var bytes = RenfieldJsonContext.ToUtf8(new RenfieldNotification("e", "Anruf von Jürgen \"J\" Groß\r\n<b>", "m", "info", "Küche", true, new CallNotificationData(null, "x\\y")));
        var text = Encoding.UTF8.GetString(bytes);

        Assert.Contains("Jürgen \\\"J\\\" Groß\\r\\n<b>", text, StringComparison.Ordinal);
        Assert.Contains("\"room\":\"Küche\"", text, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(bytes);
        Assert.Equal("Anruf von Jürgen \"J\" Groß\r\n<b>", document.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public void Exactly_the_fields_of_the_example_are_written()
    {
        var composer = new NotificationComposer(Microsoft.Extensions.Options.Options.Create(new WebhookOptions()));
        using var document = JsonDocument.Parse(RenfieldJsonContext.ToUtf8(composer.Compose(new CallerIdentity(CallerKind.Unknown, null, null, null))));

        Assert.Equal(["event_type", "title", "message", "urgency", "room", "tts", "data"], document.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["caller_number", "caller_name"], document.RootElement.GetProperty("data").EnumerateObject().Select(p => p.Name));
    }
}
