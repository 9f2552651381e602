using Microsoft.Extensions.Time.Testing;
using RenfieldSip.Monitor.History;

namespace RenfieldSip.Tests.History;

public sealed class MemoryCallHistoryStoreTests
{
    private readonly FakeTimeProvider _time = new(HistoryRecords.Start);

    [Fact]
    public void Keeps_only_the_newest_MaxCalls_calls()
    {
        var store = new MemoryCallHistoryStore(_time, maxCalls: 3, TimeSpan.FromDays(30));

        for (var i = 1; i <= 5; i++)
        {
            store.Append(HistoryRecords.Call($"call-{i}"));
        }

        Assert.Equal(3, store.Count);
        Assert.Equal(["call-5", "call-4", "call-3"], store.Read(CallQuery.Latest).Calls.Select(c => c.CallId));
    }

    [Fact]
    public void Drops_calls_older_than_MaxAge_on_read_and_on_write()
    {
        var store = new MemoryCallHistoryStore(_time, maxCalls: 100, TimeSpan.FromDays(30));
        store.Append(HistoryRecords.Call("old"));
        _time.Advance(TimeSpan.FromDays(20));
        store.Append(HistoryRecords.Call("newer"));

        _time.Advance(TimeSpan.FromDays(10) + TimeSpan.FromMilliseconds(1));

        Assert.Equal(["newer"], store.Read(CallQuery.Latest).Calls.Select(c => c.CallId));
        _time.Advance(TimeSpan.FromDays(20));
        store.Append(HistoryRecords.Call("newest"));
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public void Pages_newest_first_with_the_next_before_cursor()
    {
        var store = new MemoryCallHistoryStore(_time, maxCalls: 100, TimeSpan.FromDays(30));
        for (var i = 1; i <= 5; i++)
        {
            store.Append(HistoryRecords.Call($"call-{i}"));
        }

        var first = store.Read(new CallQuery(2));
        Assert.Equal(["call-5", "call-4"], first.Calls.Select(c => c.CallId));
        Assert.True(RecordId.TryParse(first.NextBefore, out var cursor));
        var second = store.Read(new CallQuery(2, cursor));
        Assert.Equal(["call-3", "call-2"], second.Calls.Select(c => c.CallId));
        Assert.True(RecordId.TryParse(second.NextBefore, out cursor));
        var last = store.Read(new CallQuery(2, cursor));
        Assert.Equal(["call-1"], last.Calls.Select(c => c.CallId));
        Assert.Null(last.NextBefore);
    }

    [Fact]
    public void Filters_by_start_time_and_outcome()
    {
        var store = new MemoryCallHistoryStore(_time, maxCalls: 100, TimeSpan.FromDays(30));
        store.Append(HistoryRecords.Call("early", startedAt: HistoryRecords.Start.AddMinutes(-10)));
        store.Append(HistoryRecords.Call("suppressed", CallOutcome.SuppressedByDedup));
        store.Append(HistoryRecords.Call("announced"));

        var query = new CallQuery(10, From: HistoryRecords.Start.AddMinutes(-1), Outcomes: new HashSet<CallOutcome> { CallOutcome.Announced });

        Assert.Equal(["announced"], store.Read(query).Calls.Select(c => c.CallId));
    }

    [Fact]
    public void Keeps_one_record_per_call_the_one_that_got_further()
    {
        var store = new MemoryCallHistoryStore(_time, maxCalls: 100, TimeSpan.FromDays(30));

        Assert.NotNull(store.Append(HistoryRecords.Call("call-1", CallOutcome.SuppressedByDedup)));
        Assert.NotNull(store.Append(HistoryRecords.Call("call-1", CallOutcome.Announced)));
        Assert.Null(store.Append(HistoryRecords.Call("call-1", CallOutcome.SuppressedByDedup)));
        Assert.Null(store.Append(HistoryRecords.Call("call-1", CallOutcome.Announced, ended: CallEnding.Lost)));

        var only = Assert.Single(store.Read(CallQuery.Latest).Calls);
        Assert.Equal((CallOutcome.Announced, CallEnding.CallerHungUp), (only.Outcome, only.Ended));
    }

    [Fact]
    public void Ids_keep_growing_when_the_clock_stands_still()
    {
        var store = new MemoryCallHistoryStore(_time, maxCalls: 100, TimeSpan.FromDays(30));

        var first = store.Append(HistoryRecords.Call("a"))!;
        var second = store.Append(HistoryRecords.Call("b"))!;

        Assert.True(RecordId.TryParse(first.Id, out var a));
        Assert.True(RecordId.TryParse(second.Id, out var b));
        Assert.True(b.CompareTo(a) > 0, $"{second.Id} after {first.Id}");
    }
}
