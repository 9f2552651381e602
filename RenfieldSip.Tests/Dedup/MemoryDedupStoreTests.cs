using Microsoft.Extensions.Time.Testing;
using RenfieldSip.Monitor.Dedup;

namespace RenfieldSip.Tests.Dedup;

public sealed class MemoryDedupStoreTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void A_key_is_claimed_once_within_the_window_and_again_after_it()
    {
        var store = new MemoryDedupStore(_time, Window, MemoryDedupStore.DefaultCapacity);

        Assert.True(store.TryClaim("call-1"));
        Assert.True(store.TryClaim("call-2"));
        _time.Advance(Window - TimeSpan.FromMilliseconds(1));
        Assert.False(store.TryClaim("call-1"));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(store.TryClaim("call-1"));
        Assert.False(store.TryClaim("call-1"));
    }

    [Fact]
    public void Memory_stays_flat_with_endless_distinct_keys()
    {
        var store = new MemoryDedupStore(_time, Window, MemoryDedupStore.DefaultCapacity);

        // A million calls one per 10 ms: only the last 30 s (3000 claims) may be held.
        for (var i = 0; i < 1_000_000; i++)
        {
            Assert.True(store.TryClaim("call-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            _time.Advance(TimeSpan.FromMilliseconds(10));
        }

        Assert.InRange(store.Count, 2_999, 3_000);
    }

    [Fact]
    public void A_flood_within_one_window_is_bounded_by_the_capacity()
    {
        var store = new MemoryDedupStore(_time, Window, capacity: 1_000);

        for (var i = 0; i < 5_000; i++)
        {
            store.TryClaim("flood-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(1_000, store.Count);
        Assert.False(store.TryClaim("flood-4999"));
    }
}
