using RenfieldSip.Monitor.Dedup;
using RenfieldSip.Tests.Support;
using StackExchange.Redis;

namespace RenfieldSip.Tests.Dedup;

public sealed class RedisDedupStoreTests
{
    [Fact]
    public async Task A_claim_sets_the_key_only_once_with_the_window_as_its_expiry_and_a_gone_key_can_be_claimed_again()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var redis = await RedisServer.StartNewAsync(cancellationToken);
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        // An hour: the expiry Redis reports is the window minus the test's own round trips, never near zero.
        var window = TimeSpan.FromHours(1);
        var store = new RedisDedupStore(connection, "test:dedup:", window);
        var database = connection.GetDatabase();

        Assert.True(await store.TryClaimAsync("call-1"));
        Assert.False(await store.TryClaimAsync("call-1"));
        var ttl = await database.KeyTimeToLiveAsync("test:dedup:call-1");
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, window - TimeSpan.FromMinutes(1), window);

        // What Redis does when the expiry passes: the key is gone, and the next claim wins.
        Assert.True(await database.KeyDeleteAsync("test:dedup:call-1"));
        Assert.True(await store.TryClaimAsync("call-1"));
    }
}
