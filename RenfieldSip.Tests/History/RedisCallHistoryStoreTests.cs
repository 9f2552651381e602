using Microsoft.Extensions.Time.Testing;
using RenfieldSip.Monitor.History;
using RenfieldSip.Tests.Support;
using StackExchange.Redis;

namespace RenfieldSip.Tests.History;

/// <summary>The shared history against a real redis-server: one stream, one claim per call, trimmed by count and age.</summary>
public sealed class RedisCallHistoryStoreTests
{
    private const string Prefix = "test:history:";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private readonly FakeTimeProvider _time = new(HistoryRecords.Start);

    [Fact]
    public async Task A_new_store_on_the_same_Redis_reads_what_an_earlier_one_wrote()
    {
        await using var redis = await RedisServer.StartNewAsync(Cancellation);
        await using (var before = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString))
        {
            var writer = Store(before, new HistoryOptions { KeyPrefix = Prefix });
            Assert.True(await writer.AppendAsync(HistoryRecords.Call("call-1")));
            Assert.True(await writer.AppendAsync(HistoryRecords.Call("call-2", CallOutcome.SuppressedByDedup)));
        }

        // A monitor restart: a new connection and a new store instance.
        await using var after = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var page = await Store(after, new HistoryOptions { KeyPrefix = Prefix }).ReadAsync(CallQuery.Latest);

        Assert.Equal(["call-2", "call-1"], page.Calls.Select(c => c.CallId));
        var first = page.Calls[1];
        Assert.Equal(HistoryRecords.Call("call-1") with { Id = first.Id }, first);
        Assert.Matches("^[0-9]+-[0-9]+$", first.Id);
    }

    [Fact]
    public async Task Two_monitors_recording_the_same_call_store_it_once_keeping_the_one_that_announced()
    {
        await using var redis = await RedisServer.StartNewAsync(Cancellation);
        await using var one = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        await using var two = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var options = new HistoryOptions { KeyPrefix = Prefix };
        var replicaA = Store(one, options);
        var replicaB = Store(two, options);

        // B lost the dedup claim to A; whichever writes first, the announced record is what stays.
        Assert.True(await replicaB.AppendAsync(HistoryRecords.Call("1795513386.0", CallOutcome.SuppressedByDedup)));
        Assert.True(await replicaA.AppendAsync(HistoryRecords.Call("1795513386.0", CallOutcome.Announced)));
        Assert.False(await replicaB.AppendAsync(HistoryRecords.Call("1795513386.0", CallOutcome.SuppressedByDedup)));
        Assert.False(await replicaA.AppendAsync(HistoryRecords.Call("1795513386.0", CallOutcome.Announced)));

        var database = one.GetDatabase();
        Assert.Equal(1, await database.StreamLengthAsync(Prefix + "calls"));
        var only = Assert.Single((await replicaB.ReadAsync(CallQuery.Latest)).Calls);
        Assert.Equal(CallOutcome.Announced, only.Outcome);
        var claimLifetime = await database.KeyTimeToLiveAsync(Prefix + "call:1795513386.0");
        Assert.InRange(claimLifetime!.Value, TimeSpan.FromHours(23), TimeSpan.FromDays(1));
    }

    [Fact]
    public async Task The_stream_keeps_MaxCalls_entries_and_pages_through_them_newest_first()
    {
        await using var redis = await RedisServer.StartNewAsync(Cancellation);
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var store = Store(connection, new HistoryOptions { KeyPrefix = Prefix, MaxCalls = 250 });

        for (var i = 1; i <= 260; i++)
        {
            await store.AppendAsync(HistoryRecords.Call($"call-{i}", i % 2 == 0 ? CallOutcome.Announced : CallOutcome.SuppressedByDedup));
        }

        Assert.Equal(250, await connection.GetDatabase().StreamLengthAsync(Prefix + "calls"));
        var seen = new List<string>();
        RecordId? before = null;
        do
        {
            var page = await store.ReadAsync(new CallQuery(40, before, Outcomes: new HashSet<CallOutcome> { CallOutcome.SuppressedByDedup }));
            seen.AddRange(page.Calls.Select(c => c.CallId));
            before = RecordId.TryParse(page.NextBefore, out var next) ? next : null;
        }
        while (before is not null);

        // Entries 11-260 are left; the odd ones, newest first, across chunk and page boundaries.
        Assert.Equal(Enumerable.Range(11, 250).Where(i => i % 2 == 1).Reverse().Select(i => $"call-{i}"), seen);
    }

    [Fact]
    public async Task Calls_older_than_MaxAge_are_hidden_at_once_and_trimmed_by_the_next_write_and_the_key_expires()
    {
        await using var redis = await RedisServer.StartNewAsync(Cancellation);
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var store = Store(connection, new HistoryOptions { KeyPrefix = Prefix, MaxAge = TimeSpan.FromDays(30) });
        await store.AppendAsync(HistoryRecords.Call("old"));
        var streamLifetime = await connection.GetDatabase().KeyTimeToLiveAsync(Prefix + "calls");
        Assert.InRange(streamLifetime!.Value, TimeSpan.FromDays(29), TimeSpan.FromDays(30));

        _time.Advance(TimeSpan.FromDays(31));

        Assert.Empty((await store.ReadAsync(CallQuery.Latest)).Calls);
        await store.AppendAsync(HistoryRecords.Call("new"));
        Assert.Equal(1, await connection.GetDatabase().StreamLengthAsync(Prefix + "calls"));
    }

    private RedisCallHistoryStore Store(ConnectionMultiplexer connection, HistoryOptions options) =>
        new(connection.GetDatabase(), options, _time);
}
