using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.EndToEnd;

/// <summary>The "Testanruf" dashboard command's endpoint: a synthetic call through the real pipeline.</summary>
public sealed class TestCallEndpointTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Test_call_without_a_number_announces_itself()
    {
        await using var harness = await EndToEndHarness.StartAsync();
        using var client = EndToEndHarness.Client(harness.Monitor);

        using var response = await client.PostAsync("/api/test-call", content: null, Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal("Delivered", body.GetProperty("outcome").GetString());
        Assert.StartsWith("test-", body.GetProperty("call_id").GetString(), StringComparison.Ordinal);
        var request = Assert.Single(await harness.Renfield.WaitForDeliveredAsync(1, TimeSpan.FromSeconds(10)));
        Assert.Equal("Anruf von Testanruf", request.JsonString("title"));
    }

    [Fact]
    public async Task Test_call_with_a_number_goes_through_the_phonebook_and_is_never_deduplicated()
    {
        await using var harness = await EndToEndHarness.StartAsync();
        using var client = EndToEndHarness.Client(harness.Monitor);

        for (var i = 0; i < 2; i++)
        {
            using var response = await client.PostAsJsonAsync("/api/test-call", new { number = "0170 1234567" }, Cancellation);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            harness.Renfield.ForgetDuplicates();
        }

        var requests = await harness.Renfield.WaitForDeliveredAsync(2, TimeSpan.FromSeconds(10));
        Assert.All(requests, r => Assert.Equal("Anruf von Max Mustermann", r.JsonString("title")));
    }

    [Fact]
    public async Task Test_call_reports_why_renfield_did_not_take_it()
    {
        await using var harness = await EndToEndHarness.StartAsync(renfieldOptions: new FakeRenfieldOptions { Token = "e2e-token", ProactiveEnabled = false });
        using var client = EndToEndHarness.Client(harness.Monitor);

        using var response = await client.PostAsync("/api/test-call", content: null, Cancellation);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal("Disabled", body.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Malformed_body_is_a_clear_400()
    {
        await using var harness = await EndToEndHarness.StartAsync();
        using var client = EndToEndHarness.Client(harness.Monitor);

        using var response = await client.PostAsync("/api/test-call", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"), Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal("-", body.GetProperty("call_id").GetString());
        Assert.Empty(harness.Renfield.Requests);
    }
}
