using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using RenfieldSip.Tests.EndToEnd;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.History;

/// <summary><c>GET /api/calls</c> and the OpenAPI document, on the real monitor over Kestrel, fed by replayed captures and test calls.</summary>
public sealed class CallHistoryEndpointTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_replayed_call_is_recorded_with_its_DID_ring_time_hangup_and_outcome()
    {
        await using var harness = await EndToEndHarness.StartAsync();

        await harness.PlayAsync("privacy-rewrite-userevent-known.ami", Cancellation);

        var calls = await CallHistoryApi.WaitForCallsAsync(harness.Monitor, 1, Cancellation);
        var call = Assert.Single(calls, c => c.GetProperty("call_id").GetString() == "1795513760.1");
        Assert.Equal("+4930123456", call.GetProperty("did").GetString());
        Assert.Equal("+49 170 1234567", call.GetProperty("caller_number").GetString());
        Assert.Equal("Max Mustermann", call.GetProperty("caller_name").GetString());
        Assert.Equal("phonebook", call.GetProperty("name_source").GetString());
        Assert.False(call.GetProperty("withheld").GetBoolean());
        Assert.False(call.GetProperty("test_call").GetBoolean());
        Assert.True(call.GetProperty("ring_seconds").GetDouble() >= 0);
        Assert.Equal("caller_hung_up", call.GetProperty("ended").GetString());
        Assert.Equal(127, call.GetProperty("hangup_cause").GetInt32());
        Assert.Equal("Interworking, unspecified", call.GetProperty("hangup_cause_text").GetString());
        Assert.Equal("announced", call.GetProperty("outcome").GetString());
        Assert.Equal("delivered", call.GetProperty("renfield_status").GetString());
        Assert.Matches("^[0-9]+-[0-9]+$", call.GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_withheld_call_is_recorded_without_its_number_in_the_API_or_on_the_page()
    {
        await using var harness = await EndToEndHarness.StartAsync();

        await harness.PlayAsync("privacy-rewrite-userevent-withheld.ami", Cancellation);

        var calls = await CallHistoryApi.WaitForCallsAsync(harness.Monitor, 1, Cancellation);
        var call = Assert.Single(calls, c => c.GetProperty("withheld").GetBoolean());
        Assert.Equal(JsonValueKind.Null, call.GetProperty("caller_number").ValueKind);
        Assert.Equal(JsonValueKind.Null, call.GetProperty("caller_name").ValueKind);
        var (_, api) = await CallHistoryApi.GetAsync(harness.Monitor, "/api/calls", Cancellation);
        var (_, page) = await CallHistoryApi.GetAsync(harness.Monitor, "/calls", Cancellation);
        Assert.DoesNotContain("9876543", api, StringComparison.Ordinal);
        Assert.DoesNotContain("9876543", page, StringComparison.Ordinal);
        Assert.Contains("Rufnummer unterdrückt", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_go_back_with_next_before_and_filter_by_outcome_and_time()
    {
        await using var harness = await EndToEndHarness.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            var (status, _) = await EndToEndHarness.TestCallAsync(harness.Monitor, null, $"Test {i}", Cancellation);
            Assert.Equal(200, status);
        }

        await CallHistoryApi.WaitForCallsAsync(harness.Monitor, 3, Cancellation);

        var first = await PageAsync(harness.Monitor, "/api/calls?limit=2");
        Assert.Equal(["Test 2", "Test 1"], Names(first));
        var next = first.GetProperty("next_before").GetString();
        var second = await PageAsync(harness.Monitor, $"/api/calls?limit=2&before={next}");
        Assert.Equal(["Test 0"], Names(second));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next_before").ValueKind);

        Assert.Equal(3, Names(await PageAsync(harness.Monitor, "/api/calls?outcome=announced,failed")).Count);
        Assert.Empty(Names(await PageAsync(harness.Monitor, "/api/calls?outcome=refused_by_renfield")));
        Assert.Empty(Names(await PageAsync(harness.Monitor, "/api/calls?from=2999-01-01T00:00:00Z")));
        Assert.Equal(3, Names(await PageAsync(harness.Monitor, "/api/calls?to=2999-01-01T00:00:00Z")).Count);
        var test = (await PageAsync(harness.Monitor, "/api/calls?limit=1")).GetProperty("calls")[0];
        Assert.Equal((true, "not_rung"), (test.GetProperty("test_call").GetBoolean(), test.GetProperty("ended").GetString()));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("before=yesterday", "before")]
    [InlineData("from=tomorrow", "from")]
    [InlineData("outcome=ringing", "outcome")]
    [InlineData("colour=red", "colour")]
    public async Task Bad_query_parameters_are_a_400_naming_the_parameter_in_snake_case_JSON(string query, string parameter)
    {
        await using var harness = await EndToEndHarness.StartAsync();

        var (status, body) = await CallHistoryApi.GetAsync(harness.Monitor, "/api/calls?" + query, Cancellation);

        Assert.Equal(400, status);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("invalid_parameter", json.RootElement.GetProperty("error").GetString());
        Assert.Equal(parameter, json.RootElement.GetProperty("parameter").GetString());
        Assert.StartsWith(parameter + ": ", json.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_OpenAPI_document_is_served_and_describes_GET_api_calls()
    {
        await using var harness = await EndToEndHarness.StartAsync();

        var (status, body) = await CallHistoryApi.GetAsync(harness.Monitor, "/openapi/v1.json", Cancellation);

        Assert.Equal(200, status);
        using var json = JsonDocument.Parse(body);
        var get = json.RootElement.GetProperty("paths").GetProperty("/api/calls").GetProperty("get");
        Assert.Equal("ListCalls", get.GetProperty("operationId").GetString());
        Assert.Equal(
            ["before", "from", "limit", "outcome", "to"],
            get.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        Assert.True(get.GetProperty("responses").TryGetProperty("400", out _));
        var schemas = json.RootElement.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.GetProperty("CallRecord").GetProperty("properties").TryGetProperty("renfield_status", out _), body);
        Assert.False(json.RootElement.GetProperty("paths").TryGetProperty("/calls", out _));
    }

    [Fact]
    public async Task Without_Redis_reachable_calls_are_still_announced_and_recorded_in_memory()
    {
        await using var harness = await EndToEndHarness.StartAsync(new Dictionary<string, string?> { ["ConnectionStrings:redis"] = $"127.0.0.1:{ClosedPort()}" });

        var (status, _) = await EndToEndHarness.TestCallAsync(harness.Monitor, "0170 1234567", null, Cancellation);

        Assert.Equal((int)HttpStatusCode.OK, status);
        var call = Assert.Single(await CallHistoryApi.WaitForCallsAsync(harness.Monitor, 1, Cancellation));
        Assert.Equal(("Max Mustermann", "announced"), (call.GetProperty("caller_name").GetString(), call.GetProperty("outcome").GetString()));
    }

    private static async Task<JsonElement> PageAsync(MonitorUnderTest monitor, string pathAndQuery)
    {
        var (status, body) = await CallHistoryApi.GetAsync(monitor, pathAndQuery, Cancellation);
        Assert.True(status == 200, $"{pathAndQuery}: {status} {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.Clone();
    }

    private static List<string?> Names(JsonElement page) =>
        [.. page.GetProperty("calls").EnumerateArray().Select(c => c.GetProperty("caller_name").GetString())];

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
