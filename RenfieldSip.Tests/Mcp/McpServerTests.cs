using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Client;
using RenfieldSip.Tests.History;

namespace RenfieldSip.Tests.Mcp;

/// <summary>
/// The monitor's MCP server through the official C# client over real HTTP, on a history made from real captures:
/// what Renfield's agent sees when it asks „Wer hat heute angerufen?“.
/// </summary>
public sealed class McpServerTests(McpHistoryFixture history) : IClassFixture<McpHistoryFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_client_initializes_and_lists_the_call_and_phonebook_tools_but_no_answering_machine_tools()
    {
        await using var client = await McpTestClient.ConnectAsync(history.Monitor, Cancellation);

        Assert.Equal("renfieldsip-monitor", client.ServerInfo?.Name);
        var tools = await client.ListToolsAsync(cancellationToken: Cancellation);
        Assert.Equal(["last_call_from", "list_calls", "lookup_phonebook"], tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.All(tools, tool => Assert.False(string.IsNullOrWhiteSpace(tool.Description)));
        Assert.All(tools, tool => Assert.True(tool.ProtocolTool.Annotations?.ReadOnlyHint, tool.Name));
        // Renfield's client (services/mcp_client.py, _coerce_arguments) looks a property's "type" up as one name.
        Assert.All(
            tools.SelectMany(t => t.JsonSchema.GetProperty("properties").EnumerateObject()),
            property => Assert.Equal(JsonValueKind.String, property.Value.GetProperty("type").ValueKind));
        var listCalls = tools.Single(t => t.Name == "list_calls").JsonSchema.GetProperty("properties");
        Assert.Equal(
            ["caller", "from", "limit", "onlyUnannounced", "to"],
            listCalls.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task list_calls_reads_the_calls_aloud_in_German_and_returns_exactly_the_records_of_GET_api_calls()
    {
        await using var client = await McpTestClient.ConnectAsync(history.Monitor, Cancellation);

        var (text, structured) = await McpTestClient.CallAsync(client, "list_calls", [], Cancellation);

        Assert.Contains("Oma Helga (+49 170 5555555) – angesagt", text, StringComparison.Ordinal);
        Assert.Contains("Max Mustermann (+49 170 1234567) – angesagt", text, StringComparison.Ordinal);
        Assert.Contains(": anonym – angesagt", text, StringComparison.Ordinal);
        Assert.Contains("nicht angesagt: derselbe Anrufer wurde gerade schon angesagt", text, StringComparison.Ordinal);
        Assert.Matches(@"- \d\d\.\d\d\.\d{4} \d\d:\d\d Uhr: ", text);
        var (_, api) = await CallHistoryApi.GetAsync(history.Monitor, "/api/calls?limit=20", Cancellation);
        var expected = Calls(api);
        var actual = Calls(structured);
        Assert.Equal(expected.Count, actual.Count);
        Assert.All(expected.Zip(actual), pair => Assert.True(JsonNode.DeepEquals(pair.First, pair.Second), $"{pair.First} != {pair.Second}"));
    }

    [Fact]
    public async Task list_calls_filters_by_caller_name_or_number_by_time_and_by_unannounced()
    {
        await using var client = await McpTestClient.ConnectAsync(history.Monitor, Cancellation);

        var (_, oma) = await McpTestClient.CallAsync(client, "list_calls", new() { ["caller"] = "oma" }, Cancellation);
        Assert.Equal([McpHistoryFixture.Oma], CallIds(oma));
        var (_, byNumber) = await McpTestClient.CallAsync(client, "list_calls", new() { ["caller"] = "0170 1234567" }, Cancellation);
        Assert.Equal([McpHistoryFixture.MaxAgain, McpHistoryFixture.Max], CallIds(byNumber));
        var (missedText, missed) = await McpTestClient.CallAsync(client, "list_calls", new() { ["onlyUnannounced"] = true }, Cancellation);
        Assert.Equal([McpHistoryFixture.MaxAgain], CallIds(missed));
        Assert.StartsWith("1 Anruf:\n- ", missedText, StringComparison.Ordinal);
        var (none, noCalls) = await McpTestClient.CallAsync(client, "list_calls", new() { ["from"] = "2999-01-01T00:00:00+01:00" }, Cancellation);
        Assert.Equal("Keine Anrufe.", none);
        Assert.Empty(CallIds(noCalls));
        var (_, limited) = await McpTestClient.CallAsync(client, "list_calls", new() { ["to"] = "2999-01-01T00:00:00Z", ["limit"] = 2 }, Cancellation);
        Assert.Equal(2, CallIds(limited).Count);
    }

    [Fact]
    public async Task list_calls_refuses_a_bad_time_naming_the_parameter()
    {
        await using var client = await McpTestClient.ConnectAsync(history.Monitor, Cancellation);

        var result = await client.CallToolAsync("list_calls", new Dictionary<string, object?> { ["from"] = "heute" }, cancellationToken: Cancellation);

        Assert.True(result.IsError);
        Assert.Contains("from: must be an ISO 8601 time", Text(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task last_call_from_finds_Oma_Helga_when_asked_for_Oma_and_says_so_when_nobody_called()
    {
        await using var client = await McpTestClient.ConnectAsync(history.Monitor, Cancellation);

        var (text, structured) = await McpTestClient.CallAsync(client, "last_call_from", new() { ["person"] = "Oma" }, Cancellation);
        Assert.StartsWith("Letzter Anruf von „Oma“:", text, StringComparison.Ordinal);
        Assert.Contains("Oma Helga (+49 170 5555555)", text, StringComparison.Ordinal);
        Assert.Equal([McpHistoryFixture.Oma], CallIds(structured));

        var (max, maxCalls) = await McpTestClient.CallAsync(client, "last_call_from", new() { ["person"] = "max mustermann" }, Cancellation);
        Assert.Equal([McpHistoryFixture.MaxAgain], CallIds(maxCalls));

        var (nobody, none) = await McpTestClient.CallAsync(client, "last_call_from", new() { ["person"] = "Tante Erna" }, Cancellation);
        Assert.Equal("Kein Anruf von „Tante Erna“ in der Anrufliste.", nobody);
        Assert.Empty(CallIds(none));
    }

    [Fact]
    public async Task lookup_phonebook_answers_a_name_with_numbers_and_a_number_with_the_name()
    {
        await using var client = await McpTestClient.ConnectAsync(history.Monitor, Cancellation);

        var (byName, matches) = await McpTestClient.CallAsync(client, "lookup_phonebook", new() { ["query"] = "oma" }, Cancellation);
        Assert.Equal("- Oma Helga: +49 170 5555555 (Quelle: phonebook.yaml)", byName);
        using (var json = JsonDocument.Parse(matches))
        {
            var match = Assert.Single(json.RootElement.GetProperty("matches").EnumerateArray());
            Assert.Equal("Oma Helga", match.GetProperty("name").GetString());
        }

        var (family, _) = await McpTestClient.CallAsync(client, "lookup_phonebook", new() { ["query"] = "Mustermann" }, Cancellation);
        Assert.Equal(2, family.Split('\n').Length);

        var (byNumber, _) = await McpTestClient.CallAsync(client, "lookup_phonebook", new() { ["query"] = "0049 170 5555555" }, Cancellation);
        Assert.Equal("Die Nummer +49 170 5555555 gehört zu Oma Helga (Quelle: phonebook.yaml).", byNumber);

        var (unknown, empty) = await McpTestClient.CallAsync(client, "lookup_phonebook", new() { ["query"] = "030 1111111" }, Cancellation);
        Assert.Equal("Die Nummer 030 1111111 steht nicht im Telefonbuch.", unknown);
        Assert.Equal("""{"matches":[]}""", empty);
    }

    [Fact]
    public async Task The_withheld_caller_is_anonym_in_every_answer_and_its_number_in_none()
    {
        await using var client = await McpTestClient.ConnectAsync(history.Monitor, Cancellation);
        // Whether the withheld call may be listed at all: only when no caller was asked for.
        var questions = new (string Tool, Dictionary<string, object?> Arguments, bool MayList)[]
        {
            ("list_calls", [], true),
            ("list_calls", new() { ["caller"] = "+49 170 9876543" }, false),
            ("list_calls", new() { ["caller"] = "9876543" }, false),
            ("list_calls", new() { ["caller"] = "anonym" }, false),
            ("list_calls", new() { ["onlyUnannounced"] = true }, true),
            ("last_call_from", new() { ["person"] = "anonym" }, false),
            ("last_call_from", new() { ["person"] = "+49 170 9876543" }, false),
        };

        foreach (var (tool, arguments, mayList) in questions)
        {
            var (text, structured) = await McpTestClient.CallAsync(client, tool, arguments, Cancellation);
            if (!mayList)
            {
                Assert.DoesNotContain(McpHistoryFixture.Withheld, CallIds(structured));
            }

            Assert.DoesNotContain(McpHistoryFixture.WithheldDigits, structured, StringComparison.Ordinal);
            if (!arguments.Values.OfType<string>().Any(value => value.Contains(McpHistoryFixture.WithheldDigits, StringComparison.Ordinal)))
            {
                Assert.DoesNotContain(McpHistoryFixture.WithheldDigits, text, StringComparison.Ordinal);
            }
        }

        var (all, calls) = await McpTestClient.CallAsync(client, "list_calls", [], Cancellation);
        Assert.Contains(": anonym – angesagt", all, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(calls);
        var withheld = json.RootElement.GetProperty("calls").EnumerateArray().Single(c => c.GetProperty("call_id").GetString() == McpHistoryFixture.Withheld);
        Assert.True(withheld.GetProperty("withheld").GetBoolean());
        Assert.Equal(JsonValueKind.Null, withheld.GetProperty("caller_number").ValueKind);
        Assert.Equal(JsonValueKind.Null, withheld.GetProperty("caller_name").ValueKind);
    }

    [Fact]
    public async Task A_tool_call_needs_no_session_so_any_replica_answers_it()
    {
        using var http = new HttpClient { BaseAddress = history.Monitor.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/mcp", UriKind.Relative))
        {
            Content = new StringContent(
                """{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"last_call_from","arguments":{"person":"Oma"}}}""",
                System.Text.Encoding.UTF8,
                "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.Add("MCP-Protocol-Version", "2025-06-18");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", EndToEnd.EndToEndHarness.MonitorToken);

        using var response = await http.SendAsync(request, Cancellation);

        var body = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Mcp-Session-Id"));
        Assert.Contains("Oma Helga", body, StringComparison.Ordinal);
    }

    private static string Text(ModelContextProtocol.Protocol.CallToolResult result) =>
        string.Join("\n", result.Content.OfType<ModelContextProtocol.Protocol.TextContentBlock>().Select(block => block.Text));

    private static List<JsonNode?> Calls(string json) => [.. JsonNode.Parse(json)!["calls"]!.AsArray()];

    private static List<string?> CallIds(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty("calls").EnumerateArray().Select(c => c.GetProperty("call_id").GetString())];
    }
}
