using System.Text;
using RenfieldSip.Monitor.Notification;

namespace RenfieldSip.Tests.Notification;

public sealed class WebhookResponseBodyTests
{
    [Fact]
    public void The_validation_summary_keeps_loc_msg_type_and_drops_input_and_ctx()
    {
        var body = Encoding.UTF8.GetBytes("""{"detail":[{"type":"missing","loc":["body","title"],"msg":"Field required","input":{"caller_number":"+49 170 1234567"}},{"type":"string_too_long","loc":["body","data",0],"msg":"too\nlong","input":"+491701234567","ctx":{"max_length":5}}]}""");

        var summary = WebhookResponseBody.SummarizeValidationErrors(body);

        Assert.Equal("body.title: Field required (missing); body.data.0: too long (string_too_long)", summary);
    }

    [Fact]
    public void The_validation_summary_is_bounded()
    {
        var error = """{"type":"t","loc":["body","x"],"msg":"MSG"}""".Replace("MSG", new string('m', 400), StringComparison.Ordinal);
        var body = Encoding.UTF8.GetBytes("""{"detail":[""" + string.Join(',', Enumerable.Repeat(error, 20)) + "]}");

        Assert.True(WebhookResponseBody.SummarizeValidationErrors(body).Length <= WebhookResponseBody.MaxSummaryLength);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html>502 Bad Gateway</html>")]
    [InlineData("""{"detail":"Not a list"}""")]
    public void Odd_bodies_give_a_neutral_summary(string body)
    {
        Assert.Equal("(no validation details in the answer)", WebhookResponseBody.SummarizeValidationErrors(Encoding.UTF8.GetBytes(body)));
    }

    [Theory]
    [InlineData("""{"notification_id":42,"status":"delivered","delivered_to":[]}""", 42L)]
    [InlineData("""{"status":"delivered"}""", null)]
    [InlineData("""{"notification_id":"42"}""", null)]
    [InlineData("not json", null)]
    public void Notification_id_is_read_when_present(string body, long? expected)
    {
        Assert.Equal(expected, WebhookResponseBody.NotificationId(Encoding.UTF8.GetBytes(body)));
    }
}
