using System.Net;
using System.Text.Json;
using RenfieldSip.Tests.EndToEnd;
using RenfieldSip.Tests.Support;
using StackExchange.Redis;

namespace RenfieldSip.Tests.History;

/// <summary>
/// <c>DELETE /api/calls?number=</c>: one caller's calls leave the history, in memory and in a real Redis, and what
/// Redis holds (dedup keys included) never spells a caller's number.
/// </summary>
public sealed class CallerErasureTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Erasing_a_number_removes_its_calls_in_any_format_and_keeps_the_others()
    {
        await using var harness = await EndToEndHarness.StartAsync();
        await EndToEndHarness.TestCallAsync(harness.Monitor, "0170 1234567", null, Cancellation);
        await EndToEndHarness.TestCallAsync(harness.Monitor, "+49 171 9876543", null, Cancellation);
        await EndToEndHarness.TestCallAsync(harness.Monitor, "+491701234567", null, Cancellation);
        await CallHistoryApi.WaitForCallsAsync(harness.Monitor, 3, Cancellation);
        using var http = EndToEndHarness.Client(harness.Monitor);

        using var response = await http.DeleteAsync(new Uri("/api/calls?number=0049%20170%20123%2045%2067", UriKind.Relative), Cancellation);
        using var invalid = await http.DeleteAsync(new Uri("/api/calls?number=abc", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation)).RootElement.GetProperty("erased").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var left = await CallHistoryApi.WaitForCallsAsync(harness.Monitor, 1, Cancellation);
        Assert.Equal(["+49 171 9876543"], left.Select(c => c.GetProperty("caller_number").GetString()));
    }

    [Fact]
    public async Task A_Redis_dump_holds_no_dedup_key_with_a_number_and_no_trace_of_an_erased_caller()
    {
        await using var redis = await RedisServer.StartNewAsync(Cancellation);
        await using var harness = await EndToEndHarness.StartAsync(new Dictionary<string, string?> { ["ConnectionStrings:redis"] = redis.ConnectionString });
        await EndHealthyAsync(harness.Monitor);
        var connection = await harness.Ami.WaitForLoginAsync(1, TimeSpan.FromSeconds(10));
        var call = new SyntheticCall("1795700000.1", "+4915112345678", "Erika Beispiel");
        await connection.SendAsync(call.Complete);
        await harness.FinishWithSentinelAsync(connection);
        await CallHistoryApi.WaitForCallAsync(harness.Monitor, call.UniqueId, Cancellation);
        await using var client = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var before = await DumpAsync(client);

        using var http = EndToEndHarness.Client(harness.Monitor);
        using var erase = await http.DeleteAsync(new Uri("/api/calls?number=015112345678", UriKind.Relative), Cancellation);
        var after = await DumpAsync(client);

        Assert.Contains(before.Keys, k => k.StartsWith("renfieldsip:dedup:", StringComparison.Ordinal));
        Assert.DoesNotContain(before.Keys, k => k.Contains("5112345678", StringComparison.Ordinal));
        Assert.Contains("5112345678", before.Values.Aggregate(string.Empty, string.Concat).Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
        var everything = string.Concat(after.Keys.Concat(after.Values)).Replace(" ", string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("5112345678", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("Erika", everything, StringComparison.Ordinal);
    }

    private static Task<TimeSpan> EndHealthyAsync(MonitorUnderTest monitor) =>
        Poll.UntilAsync(async () => await EndToEndHarness.HealthAsync(monitor, Cancellation) == "Healthy", "Redis connected", TimeSpan.FromSeconds(15), Cancellation);

    // Every key and everything it holds, as a dump would show it.
    private static async Task<Dictionary<string, string>> DumpAsync(ConnectionMultiplexer client)
    {
        var database = client.GetDatabase();
        var dump = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in client.GetServers()[0].Keys(pattern: "*"))
        {
            dump[key.ToString()] = await database.KeyTypeAsync(key) switch
            {
                RedisType.Stream => string.Concat((await database.StreamRangeAsync(key)).SelectMany(e => e.Values).Select(v => v.Value.ToString())),
                RedisType.String => (await database.StringGetAsync(key)).ToString(),
                _ => string.Empty,
            };
        }

        return dump;
    }
}
