using System.Text.Json;
using RenfieldSip.Monitor.Voicemail;
using RenfieldSip.Tests.EndToEnd;
using RenfieldSip.Tests.History;
using RenfieldSip.Tests.Support;
using RenfieldSip.Tests.Voicemail;

namespace RenfieldSip.Tests.Mcp;

/// <summary>
/// The answering machine's tools through the official MCP client over real HTTP, on a monitor with an answering
/// machine: messages from a contact and from a withheld caller (a real capture replayed over AMI), left the way the
/// dialplan reports them.
/// </summary>
public sealed class McpAnsweringMachineTests : IAsyncLifetime
{
    private const string Phonebook = """
        contacts:
          "+49 170 1234567": "Max Mustermann"
        """;

    private string _directory = null!;
    private EndToEndHarness _harness = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _directory = Directory.CreateTempSubdirectory("renfieldsip-voicemail-").FullName;
        _harness = await EndToEndHarness.StartAsync(
            new Dictionary<string, string?> { ["Voicemail:Directory"] = _directory, ["Calls:TrustCallerIdWithoutPresentation"] = "true" },
            phonebook: Phonebook);
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task list_messages_reads_new_messages_first_with_caller_length_and_transcript_and_mark_message_heard_marks_one()
    {
        await _harness.PlayAsync("privacy-rewrite-userevent-withheld.ami", Cancellation);
        await CallHistoryApi.WaitForCallAsync(_harness.Monitor, McpHistoryFixture.Withheld, Cancellation);
        await LeftMessage.LeaveAsync(_harness.Monitor, _directory, McpHistoryFixture.Withheld, Cancellation);
        await EndToEndHarness.TestCallAsync(_harness.Monitor, "0170 1234567", null, Cancellation);
        var max = (await CallHistoryApi.WaitForCallsAsync(_harness.Monitor, 2, Cancellation))[0].GetProperty("call_id").GetString()!;
        await LeftMessage.LeaveAsync(_harness.Monitor, _directory, max, Cancellation);
        _harness.Monitor.GetRequiredService<VoicemailIndex>().Update(max, m => m with { Transcript = "Bitte ruf zurück." });
        await using var client = await McpTestClient.ConnectAsync(_harness.Monitor, Cancellation);

        var tools = await client.ListToolsAsync(cancellationToken: Cancellation);
        var (text, structured) = await McpTestClient.CallAsync(client, "list_messages", [], Cancellation);
        var (marked, _) = await McpTestClient.CallAsync(client, "mark_message_heard", new() { ["id"] = McpHistoryFixture.Withheld }, Cancellation);
        var (unknown, _) = await McpTestClient.CallAsync(client, "mark_message_heard", new() { ["id"] = "1795000000.99" }, Cancellation);
        var (onlyNew, onlyNewStructured) = await McpTestClient.CallAsync(client, "list_messages", [], Cancellation);
        var (all, allStructured) = await McpTestClient.CallAsync(client, "list_messages", new() { ["onlyNew"] = false }, Cancellation);

        Assert.Equal(
            ["last_call_from", "list_calls", "list_messages", "lookup_phonebook", "mark_message_heard"],
            tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.StartsWith("2 Nachrichten, neue zuerst:", text, StringComparison.Ordinal);
        Assert.Contains($"- {max}, ", text, StringComparison.Ordinal);
        Assert.Contains(": Max Mustermann, 8 s: Bitte ruf zurück.", text, StringComparison.Ordinal);
        Assert.Contains(": anonym, 8 s", text, StringComparison.Ordinal);
        Assert.Equal([max, McpHistoryFixture.Withheld], Ids(structured));
        Assert.Contains(McpHistoryFixture.Withheld, marked, StringComparison.Ordinal);
        Assert.NotEqual(marked.Replace(McpHistoryFixture.Withheld, "x", StringComparison.Ordinal), unknown.Replace("1795000000.99", "x", StringComparison.Ordinal));
        Assert.Equal([max], Ids(onlyNewStructured));
        Assert.DoesNotContain("anonym", onlyNew, StringComparison.Ordinal);
        Assert.Equal([max, McpHistoryFixture.Withheld], Ids(allStructured));
        Assert.True(_harness.Monitor.GetRequiredService<VoicemailIndex>().Find(McpHistoryFixture.Withheld)!.Heard);
        foreach (var answer in new[] { text, structured, onlyNew, all, allStructured })
        {
            Assert.DoesNotContain(McpHistoryFixture.WithheldDigits, answer, StringComparison.Ordinal);
        }

        using var json = JsonDocument.Parse(allStructured);
        var withheld = json.RootElement.GetProperty("messages")[1];
        Assert.True(withheld.GetProperty("withheld").GetBoolean());
        Assert.Equal(JsonValueKind.Null, withheld.GetProperty("caller_number").ValueKind);
        Assert.Equal(7.9, json.RootElement.GetProperty("messages")[0].GetProperty("seconds").GetDouble(), 1);
    }

    [Fact]
    public async Task Heard_messages_come_after_new_ones_even_when_newer()
    {
        await EndToEndHarness.TestCallAsync(_harness.Monitor, "0170 1234567", null, Cancellation);
        var older = (await CallHistoryApi.WaitForCallsAsync(_harness.Monitor, 1, Cancellation))[0].GetProperty("call_id").GetString()!;
        await LeftMessage.LeaveAsync(_harness.Monitor, _directory, older, Cancellation);
        await EndToEndHarness.TestCallAsync(_harness.Monitor, "0171 9876543", null, Cancellation);
        var newer = (await CallHistoryApi.WaitForCallsAsync(_harness.Monitor, 2, Cancellation))[0].GetProperty("call_id").GetString()!;
        await LeftMessage.LeaveAsync(_harness.Monitor, _directory, newer, Cancellation);
        await using var client = await McpTestClient.ConnectAsync(_harness.Monitor, Cancellation);

        var (_, before) = await McpTestClient.CallAsync(client, "list_messages", new() { ["onlyNew"] = false }, Cancellation);
        await McpTestClient.CallAsync(client, "mark_message_heard", new() { ["id"] = newer }, Cancellation);
        var (_, after) = await McpTestClient.CallAsync(client, "list_messages", new() { ["onlyNew"] = false }, Cancellation);

        Assert.Equal([newer, older], Ids(before));
        Assert.Equal([older, newer], Ids(after));
    }

    private static List<string> Ids(string structured)
    {
        using var json = JsonDocument.Parse(structured);
        return [.. json.RootElement.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("id").GetString()!)];
    }
}
