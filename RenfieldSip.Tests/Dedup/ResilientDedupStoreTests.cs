using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.Dedup;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Dedup;

public sealed class ResilientDedupStoreTests
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);
    private readonly FakeLogger<ResilientDedupStore> _logger = new();

    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_a_connection_string_it_dedups_in_memory_and_is_healthy()
    {
        await using var store = CreateStore(null);
        await store.StartAsync(CancellationToken);

        Assert.True(await store.TryClaimAsync("call-1", CancellationToken));
        Assert.False(await store.TryClaimAsync("call-1", CancellationToken));
        var health = await store.CheckHealthAsync(CancellationToken);
        Assert.Equal((HealthStatus.Healthy, "in-memory (no Redis configured)"), (health.Status, health.Description));
        Assert.False(store.IsDegraded);
    }

    [Fact]
    public async Task A_restarted_monitor_still_suppresses_a_call_within_the_window()
    {
        await using var redis = await RedisServer.StartNewAsync(CancellationToken);
        await using (var before = await StartConnectedAsync(redis))
        {
            Assert.True(await before.TryClaimAsync("call-1", CancellationToken));
        }

        await using var after = await StartConnectedAsync(redis);

        Assert.False(await after.TryClaimAsync("call-1", CancellationToken));
        Assert.True(await after.TryClaimAsync("call-2", CancellationToken));
        var health = await after.CheckHealthAsync(CancellationToken);
        Assert.Equal((HealthStatus.Healthy, "Redis reachable"), (health.Status, health.Description));
    }

    [Fact]
    public async Task Redis_killed_mid_run_falls_back_to_memory_warns_once_and_recovers()
    {
        await using var redis = await RedisServer.StartNewAsync(CancellationToken);
        await using var store = await StartConnectedAsync(redis);
        Assert.True(await store.TryClaimAsync("before", CancellationToken));

        redis.Stop();
        for (var i = 0; i < 10; i++)
        {
            Assert.True(await store.TryClaimAsync("during-" + i, CancellationToken));
        }

        Assert.False(await store.TryClaimAsync("during-0", CancellationToken));
        var degraded = await store.CheckHealthAsync(CancellationToken);
        Assert.Equal(HealthStatus.Degraded, degraded.Status);
        Assert.Equal($"Redis unreachable at 127.0.0.1:{redis.Port}; de-duplicating in memory", degraded.Description);
        Assert.True(store.IsDegraded);
        Assert.True(store.FallbackCount >= 1);
        Assert.Single(_logger.Collector.GetSnapshot(), record => record.Id.Id == 1302);

        await redis.StartAsync(CancellationToken);
        await Poll.UntilAsync(
            async () => (await store.CheckHealthAsync(CancellationToken)).Status == HealthStatus.Healthy,
            "Redis to be reachable again", ConnectTimeout, CancellationToken);

        // The health check only reads; the outage ends when the connection reports it is back.
        await Poll.UntilAsync(() => !store.IsDegraded, "the outage to end", ConnectTimeout, CancellationToken);
        Assert.Single(_logger.Collector.GetSnapshot(), record => record.Id.Id == 1302);
        Assert.Single(_logger.Collector.GetSnapshot(), record => record.Id.Id == 1303);
        Assert.True(await store.TryClaimAsync("after", CancellationToken));
        await using var other = await StartConnectedAsync(redis);
        Assert.False(await other.TryClaimAsync("after", CancellationToken));
    }

    [Fact]
    public async Task Two_monitors_racing_for_one_call_announce_it_once()
    {
        await using var redis = await RedisServer.StartNewAsync(CancellationToken);
        await using var first = await StartConnectedAsync(redis);
        await using var second = await StartConnectedAsync(redis);

        for (var i = 0; i < 200; i++)
        {
            var key = "race-" + i;
            var claims = await Task.WhenAll(
                Task.Run(() => first.TryClaimAsync(key, CancellationToken).AsTask(), CancellationToken),
                Task.Run(() => second.TryClaimAsync(key, CancellationToken).AsTask(), CancellationToken));
            Assert.Single(claims, claimed => claimed);
        }
    }

    [Fact]
    public async Task A_redis_that_accepts_but_never_answers_blocks_neither_start_nor_claims()
    {
        // The kernel completes the TCP handshake, nothing ever answers: the connect can only end by its 20 s timeout.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        await using var store = CreateStore($"127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port},connectTimeout=20000");

        // Completing well before the connect timeout is the assertion; the bound only guards against a hang.
        var claimed = await Task.Run(
            async () =>
            {
                await store.StartAsync(CancellationToken);
                return await store.TryClaimAsync("call-1", CancellationToken);
            },
            CancellationToken).WaitAsync(TimeSpan.FromSeconds(10), CancellationToken);

        Assert.True(claimed);
        Assert.False(await store.TryClaimAsync("call-1", CancellationToken));

        // Resets the pending handshake, so disposing the store does not wait for the connect timeout.
        silent.Stop();
    }

    [Fact]
    public async Task An_unreachable_redis_is_reported_once_and_never_shows_the_password()
    {
        var port = FreePort();
        await using var store = CreateStore($"127.0.0.1:{port},password=s3cret,connectTimeout=500");

        await store.StartAsync(CancellationToken);
        Assert.True(await store.TryClaimAsync("call-1", CancellationToken));

        await Poll.UntilAsync(
            () => _logger.Collector.GetSnapshot().Any(record => record.Id.Id == 1302),
            "the outage warning", ConnectTimeout, CancellationToken);
        var health = await store.CheckHealthAsync(CancellationToken);

        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.Equal($"Redis unreachable at 127.0.0.1:{port}; de-duplicating in memory", health.Description);
        Assert.Single(_logger.Collector.GetSnapshot(), record => record.Id.Id == 1302);
        Assert.DoesNotContain(_logger.Collector.GetSnapshot(), record => record.Message.Contains("s3cret", StringComparison.Ordinal));
    }

    private ResilientDedupStore CreateStore(string? connectionString) => new(
        Options.Create(new DedupOptions { RedisConnectionString = connectionString, KeyPrefix = "test:" }),
        TimeProvider.System,
        _logger);

    private async Task<ResilientDedupStore> StartConnectedAsync(RedisServer redis)
    {
        var store = CreateStore(redis.ConnectionString);
        await store.StartAsync(CancellationToken);
        await Poll.UntilAsync(
            async () => (await store.CheckHealthAsync(CancellationToken)).Status == HealthStatus.Healthy,
            "the first Redis connection", ConnectTimeout, CancellationToken);
        return store;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
