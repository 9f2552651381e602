using RenfieldSip.Tests.EndToEnd;

namespace RenfieldSip.Tests.Mcp;

/// <summary>The answers follow <c>Webhook:Language</c>, like the announcements and the call list.</summary>
public sealed class McpLanguageTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_Webhook_Language_en_the_answers_are_English_and_a_withheld_caller_is_anonymous()
    {
        await using var harness = await EndToEndHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Webhook:Language"] = "en",
            ["Calls:TrustCallerIdWithoutPresentation"] = "true",
        });
        await harness.PlayAsync("privacy-rewrite-userevent-withheld.ami", Cancellation);
        await using var client = await McpTestClient.ConnectAsync(harness.Monitor, Cancellation);

        var (calls, _) = await McpTestClient.CallAsync(client, "list_calls", new() { ["caller"] = "Sentinel" }, Cancellation);
        Assert.Matches(@"^1 call:\n- \d{4}-\d\d-\d\d \d\d:\d\d: Sentinel \(\+49 30 99999999\) – announced$", calls);
        var (all, _) = await McpTestClient.CallAsync(client, "list_calls", [], Cancellation);
        Assert.Contains(": anonymous – announced", all, StringComparison.Ordinal);
        Assert.DoesNotContain("9876543", all, StringComparison.Ordinal);
        var (nobody, _) = await McpTestClient.CallAsync(client, "last_call_from", new() { ["person"] = "Oma" }, Cancellation);
        Assert.Equal("No call from \"Oma\" in the call list.", nobody);
        var (phonebook, _) = await McpTestClient.CallAsync(client, "lookup_phonebook", new() { ["query"] = "+49 170 5555555" }, Cancellation);
        Assert.Equal("The number +49 170 5555555 belongs to Oma Helga (source: phonebook.yaml).", phonebook);
    }
}
