using RenfieldSip.Tests.History;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.EndToEnd;

/// <summary>
/// A display name comes from the caller's own signalling: whoever places the call writes it. It is never spoken as if
/// it were a contact; the call list shows it as the caller's claim.
/// </summary>
public sealed class SelfNamedCallerTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("de", "Anruf von +49 170 9001234", "Eingehender Anruf von +49 170 9001234", "nennt sich „Feueralarm – Haus sofort verlassen“ · vom Anrufer übermittelt")]
    [InlineData("en", "Call from +49 170 9001234", "Incoming call from +49 170 9001234", "calls itself „Feueralarm – Haus sofort verlassen“ · sent by the caller")]
    public async Task A_display_name_that_sounds_like_an_alarm_is_not_spoken_as_a_contact(string language, string title, string message, string shown)
    {
        await using var harness = await EndToEndHarness.StartAsync(new Dictionary<string, string?> { ["Webhook:Language"] = language });
        var connection = await harness.Ami.WaitForLoginAsync(1, TimeSpan.FromSeconds(10));
        var call = new SyntheticCall("1795700100.1", "+491709001234", "Feueralarm – Haus sofort verlassen");

        await connection.SendAsync(call.Complete);
        var announcement = Assert.Single(await harness.FinishWithSentinelAsync(connection));
        var listed = await CallHistoryApi.WaitForCallAsync(harness.Monitor, call.UniqueId, Cancellation);
        var (_, page) = await CallHistoryApi.GetAsync(harness.Monitor, "/calls", Cancellation);

        Assert.Equal(title, announcement.GetProperty("title").GetString());
        Assert.Equal(message, announcement.GetProperty("message").GetString());
        Assert.DoesNotContain(harness.Renfield.Requests, r => System.Text.Encoding.UTF8.GetString(r.Body).Contains("Feueralarm", StringComparison.Ordinal));
        Assert.Equal("caller_id", listed.GetProperty("name_source").GetString());
        Assert.Equal("Feueralarm – Haus sofort verlassen", listed.GetProperty("caller_name").GetString());
        var text = System.Net.WebUtility.HtmlDecode(page);
        Assert.Contains(shown, text, StringComparison.Ordinal);
        Assert.Contains("<div class=\"who\">+49 170 9001234</div>", text, StringComparison.Ordinal);
    }
}
