using System.Diagnostics;
using RenfieldSip.Tests.EndToEnd;
using RenfieldSip.Tests.Support;
using StackExchange.Redis;

namespace RenfieldSip.Tests.Reliability;

/// <summary>
/// Matrix row 5: Redis down at start, killed mid-run and back, with the real monitor between a real AMI server, a
/// real redis-server and a real webhook; and two monitor replicas on one Redis reading the same AMI stream.
/// </summary>
public sealed class DownstreamRedisTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static ITestOutputHelper? Output => TestContext.Current.TestOutputHelper;

    [Fact]
    public async Task Redis_down_at_start_killed_mid_run_and_back_never_stops_announcements_and_the_shared_window_returns()
    {
        await using var redis = await RedisServer.StartNewAsync(Cancellation);
        redis.Stop();
        await using var rig = await EndToEndHarness.StartWithoutMonitorAsync();
        var prefix = "down-" + Guid.NewGuid().ToString("N")[..8] + ":";
        var (monitor, ami) = await rig.StartMonitorAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:redis"] = redis.ConnectionString,
            ["Dedup:KeyPrefix"] = prefix,
        });

        // Down at start: the monitor runs, says Degraded (not Unhealthy: calls still go out) and announces.
        await WaitForHealthAsync(monitor, "Degraded");
        var down = await AnnounceAsync(rig, ami, 1);

        // Redis comes up: the shared window is used again, and a claim another replica made in Redis is honoured.
        await redis.StartAsync(Cancellation);
        var upAfter = await WaitForHealthAsync(monitor, "Healthy");
        await using var client = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var up = await AnnounceAsync(rig, ami, 2);
        Assert.True(await client.GetDatabase().KeyExistsAsync(prefix + DedupKey(monitor, 2)), "the claim is in Redis");
        await AssertSuppressedByAnotherReplicaAsync(rig, monitor, ami, client.GetDatabase(), prefix, 3);

        // Killed mid-run (SIGKILL): the next call is still announced, and health turns Degraded.
        redis.Stop();
        var killed = await AnnounceAsync(rig, ami, 4);
        var degradedAfter = await WaitForHealthAsync(monitor, "Degraded");
        var stillDown = await AnnounceAsync(rig, ami, 5);

        // Back again on the same port: Healthy, and claims go to Redis again.
        await redis.StartAsync(Cancellation);
        var backAfter = await WaitForHealthAsync(monitor, "Healthy");
        await using var again = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var back = await AnnounceAsync(rig, ami, 6);
        Assert.True(await again.GetDatabase().KeyExistsAsync(prefix + DedupKey(monitor, 6)), "the claim is in Redis again");

        Assert.Equal(5, rig.Renfield.Delivered.Count);
        // One warning per outage. The outage at start is logged only if the first connect gives up before Redis
        // appears (StackExchange.Redis takes up to its 5 s connect timeout), so it is one or two.
        var unreachable = monitor.Logs.WithId(1302 /* RedisUnreachable */);
        Assert.InRange(unreachable.Count, 1, 2);
        Assert.All(unreachable, r => Assert.Contains("127.0.0.1:" + redis.Port, r.Message, StringComparison.Ordinal));
        Assert.NotEmpty(monitor.Logs.WithId(1303 /* RedisBack */));
        Output?.WriteLine(
            $"FIGURE row5 redis: announce send->webhook ms: down-at-start {down.TotalMilliseconds:F0}, up {up.TotalMilliseconds:F0}, "
            + $"right after kill {killed.TotalMilliseconds:F0}, still down {stillDown.TotalMilliseconds:F0}, back {back.TotalMilliseconds:F0}; "
            + $"redis up->/health Healthy {upAfter.TotalMilliseconds:F0} ms, kill->Degraded {degradedAfter.TotalMilliseconds:F0} ms, "
            + $"restart->Healthy {backAfter.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task Two_replicas_on_one_redis_reading_the_same_ami_stream_announce_every_call_exactly_once()
    {
        const int Calls = 40;
        await using var redis = await RedisServer.StartNewAsync(Cancellation);
        await using var rig = await EndToEndHarness.StartWithoutMonitorAsync();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:redis"] = redis.ConnectionString,
            ["Dedup:KeyPrefix"] = "replicas-" + Guid.NewGuid().ToString("N")[..8] + ":",
        };
        var (first, firstAmi) = await rig.StartMonitorAsync(settings);
        var (second, secondAmi) = await rig.StartMonitorAsync(settings);

        // Both must reach Redis first; a replica that has not connected yet decides in memory, as designed.
        await WaitForHealthAsync(first, "Healthy");
        await WaitForHealthAsync(second, "Healthy");

        for (var call = 1; call <= Calls; call++)
        {
            // One Asterisk, two AMI sessions: the same event bytes go to both, at the same moment.
            var bytes = SyntheticCall.Numbered(call).Ringing.Concat(SyntheticCall.Numbered(call).Hangup).ToArray();
            await Task.WhenAll(firstAmi.SendAsync(bytes), secondAmi.SendAsync(bytes));
        }

        // Every call is decided by each replica: announced (1108), suppressed by the window (1107) or failed (1109).
        foreach (var monitor in new[] { first, second })
        {
            await Poll.UntilAsync(
                () => monitor.Logs.GetSnapshot().Count(r => r.Id.Id is 1107 or 1108 or 1109) >= Calls,
                "each replica to decide every call", Timeout, Cancellation);
        }

        Assert.Empty(first.Logs.WithId(1109));
        Assert.Empty(second.Logs.WithId(1109));
        for (var call = 1; call <= Calls; call++)
        {
            Assert.Single(rig.RequestsFor(SyntheticCall.Numbered(call).CallerNumber));
        }

        Assert.Equal(Calls, rig.Renfield.Requests.Count);
        Output?.WriteLine(
            $"FIGURE row5 replicas: {Calls} calls on both sessions -> {rig.Renfield.Requests.Count} announcements "
            + $"(replica A {first.Logs.WithId(1108).Count}, replica B {second.Logs.WithId(1108).Count}); duplicates 0");
    }

    private static async Task AssertSuppressedByAnotherReplicaAsync(EndToEndHarness rig, MonitorUnderTest monitor, AmiTestServerConnection ami, IDatabase redis, string prefix, int call)
    {
        Assert.True(await redis.StringSetAsync(prefix + DedupKey(monitor, call), "1", TimeSpan.FromSeconds(30), When.NotExists));
        await ami.SendAsync(SyntheticCall.Numbered(call).Ringing);
        await Poll.UntilAsync(
            () => monitor.Logs.WithId(1107).Any(r => r.GetStructuredStateValue("CallId") == SyntheticCall.Numbered(call).UniqueId),
            $"call {call} to be suppressed by the claim in Redis", Timeout, Cancellation);
        Assert.Empty(rig.RequestsFor(SyntheticCall.Numbered(call).CallerNumber));
    }

    private static async Task<TimeSpan> AnnounceAsync(EndToEndHarness rig, AmiTestServerConnection ami, int call)
    {
        var clock = Stopwatch.StartNew();
        await ami.SendAsync(SyntheticCall.Numbered(call).Ringing);
        var request = await rig.WaitForCallAsync(call, Timeout);
        Assert.Equal(System.Net.HttpStatusCode.OK, request.StatusCode);
        return clock.Elapsed;
    }

    private static Task<TimeSpan> WaitForHealthAsync(MonitorUnderTest monitor, string status) =>
        Poll.UntilAsync(
            async () => await EndToEndHarness.HealthAsync(monitor, Cancellation) == status, $"/health to say {status}", Timeout, Cancellation);

    // The key a monitor claims for a numbered call's caller: hashed, so Redis never holds the number.
    private static string DedupKey(MonitorUnderTest monitor, int call) =>
        monitor.GetRequiredService<RenfieldSip.Monitor.Dedup.DedupKeyHasher>().Hash("caller:" + SyntheticCall.Numbered(call).CallerNumber);
}
