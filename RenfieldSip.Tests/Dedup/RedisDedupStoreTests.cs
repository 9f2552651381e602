using System.Diagnostics;
using RenfieldSip.Monitor.Dedup;
using RenfieldSip.Tests.Support;
using StackExchange.Redis;

namespace RenfieldSip.Tests.Dedup;

public sealed class RedisDedupStoreTests
{
    [Fact]
    public async Task A_claim_is_set_nx_with_a_px_expiry()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var redis = await RedisServer.StartNewAsync(cancellationToken);
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var window = TimeSpan.FromMilliseconds(300);
        var store = new RedisDedupStore(connection, "test:dedup:", window);

        var stopwatch = Stopwatch.StartNew();
        Assert.True(await store.TryClaimAsync("call-1"));
        Assert.False(await store.TryClaimAsync("call-1"));
        var ttl = await connection.GetDatabase().KeyTimeToLiveAsync("test:dedup:call-1");
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromMilliseconds(1), window);

        await Poll.UntilAsync(() => store.TryClaimAsync("call-1"), "the key to expire", TimeSpan.FromSeconds(5), cancellationToken);
        Assert.True(stopwatch.Elapsed >= window - TimeSpan.FromMilliseconds(50), $"expired after {stopwatch.Elapsed}");
    }
}
