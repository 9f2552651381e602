using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;
using RenfieldSip.Monitor.Ami;
using RenfieldSip.Tests.EndToEnd;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Reliability;

/// <summary>
/// Matrix row 6: every way Renfield can fail, end to end (AMI event in, webhook out), with the real monitor: the
/// documented reaction to each status, AMI reading that never waits for Renfield, the bounded queue and the deadline.
/// </summary>
public sealed class DownstreamRenfieldTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static ITestOutputHelper? Output => TestContext.Current.TestOutputHelper;

    [Fact]
    public async Task Renfield_down_connection_refused_is_retried_until_the_deadline_then_dropped_and_counted()
    {
        await using var rig = await EndToEndHarness.StartWithoutMonitorAsync();
        var (monitor, ami) = await rig.StartMonitorAsync(new Dictionary<string, string?>
        {
            ["Webhook:Url"] = $"http://127.0.0.1:{ClosedPort()}/api/notifications/webhook",
            ["Webhook:Deadline"] = "00:00:02",
        });
        using var failed = new MetricCollector<long>(EndToEndHarness.Telemetry(monitor).Meter, "renfieldsip.calls.failed");

        var clock = Stopwatch.StartNew();
        await ami.SendAsync(SyntheticCall.Numbered(1).Ringing);
        await failed.WaitForMeasurementsAsync(1, Timeout);
        var dropped = clock.Elapsed;

        Assert.Equal("DeadlineExceeded", failed.LastMeasurement!.Tags["outcome"]);
        var retries = monitor.Logs.WithId(1408 /* RetryingAfterFailure */);
        Assert.NotEmpty(retries);
        Assert.All(retries, r => Assert.Equal("ConnectionError", r.GetStructuredStateValue("Reason")));
        Assert.Single(monitor.Logs.WithId(1409 /* DeadlineExceeded */));
        Output?.WriteLine($"FIGURE row6 down: {retries.Count + 1} connection attempts, dropped {dropped.TotalMilliseconds:F0} ms after the call (deadline 2000 ms)");
    }

    [Fact]
    public async Task Slow_renfield_speaking_5_s_is_waited_for_while_ami_reading_and_hangups_go_on()
    {
        // Renfield's clock: the 5 s of speech pass when the test says so, after the burst has been read.
        var renfieldClock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var rig = await EndToEndHarness.StartWithoutMonitorAsync(new FakeRenfieldOptions { Token = EndToEndHarness.Token, ResponseDelay = TimeSpan.FromSeconds(5), TimeProvider = renfieldClock });
        var (monitor, ami) = await rig.StartMonitorAsync(new Dictionary<string, string?> { ["Webhook:MaxConcurrency"] = "1" });
        var status = monitor.GetRequiredService<IAmiConnectionStatus>();

        var clock = Stopwatch.StartNew();
        await ami.SendAsync(SyntheticCall.Numbered(1).Ringing);
        await rig.WaitForCallAsync(1);
        rig.Renfield.ResponseDelay = TimeSpan.Zero;

        // While the only worker waits for Renfield's 5 s answer, 20 more calls ring and hang up, plus noise.
        var before = status.EventsRead;
        var burst = Enumerable.Range(2, 20).SelectMany(c => SyntheticCall.Numbered(c).Ringing.Concat(SyntheticCall.Numbered(c).Hangup).Concat(SyntheticCall.Noise(c))).ToArray();
        await ami.SendAsync(burst);
        var read = await Poll.UntilAsync(
            () => status.EventsRead >= before + 80 && monitor.Logs.WithId(1102 /* CallEnded */).Count >= 20,
            "80 events read and 20 hangups handled", Timeout, Cancellation);

        Assert.Single(rig.Renfield.Requests);
        Assert.Empty(monitor.Logs.WithId(1108 /* Announced */));

        renfieldClock.Advance(TimeSpan.FromSeconds(5));
        await rig.Renfield.WaitForDeliveredAsync(21, Timeout);
        var first = Assert.Single(monitor.Logs.WithId(1108), r => r.GetStructuredStateValue("CallId") == SyntheticCall.Numbered(1).UniqueId);
        var latency = double.Parse(first.GetStructuredStateValue("LatencyMs")!, CultureInfo.InvariantCulture);
        Output?.WriteLine(
            $"FIGURE row6 slow: call 1 announced after {latency:F0} ms (5 s TTS on Renfield's fake clock); while it hung AMI read 80 events and 20 hangups {read.TotalMilliseconds:F1} ms after the write; "
            + $"all 21 delivered {clock.Elapsed.TotalMilliseconds:F0} ms after the first call");
    }

    [Fact]
    public async Task Server_errors_are_retried_with_backoff_until_renfield_accepts()
    {
        await using var rig = await EndToEndHarness.StartWithoutMonitorAsync();
        var (monitor, ami) = await rig.StartMonitorAsync();
        rig.Renfield.Enqueue(
            FakeRenfieldResponse.Detail(HttpStatusCode.InternalServerError, FakeRenfield.InternalErrorDetail),
            new FakeRenfieldResponse(HttpStatusCode.BadGateway, "<html>bad gateway</html>") { ContentType = "text/html" });

        var clock = Stopwatch.StartNew();
        await ami.SendAsync(SyntheticCall.Numbered(1).Ringing);
        await rig.Renfield.WaitForDeliveredAsync(1, Timeout);

        var requests = rig.Renfield.Requests;
        Assert.Equal(new[] { HttpStatusCode.InternalServerError, HttpStatusCode.BadGateway, HttpStatusCode.OK }, requests.Select(r => r.StatusCode));
        Assert.Equal(2, monitor.Logs.WithId(1407 /* RetryingAfterStatus */).Count);
        Output?.WriteLine($"FIGURE row6 5xx: 500, 502, then 200 after {clock.Elapsed.TotalMilliseconds:F0} ms (gaps {Gaps(requests)} ms)");
    }

    [Fact]
    public async Task Rate_limit_429_with_retry_after_schedules_the_next_attempt_no_sooner_than_it_asks()
    {
        await using var rig = await EndToEndHarness.StartWithoutMonitorAsync();
        var (monitor, ami) = await rig.StartMonitorAsync();
        rig.Renfield.Enqueue(FakeRenfieldResponse.RateLimited(1));

        await ami.SendAsync(SyntheticCall.Numbered(1).Ringing);
        await rig.Renfield.WaitForDeliveredAsync(1, Timeout);

        var requests = rig.Renfield.Requests;
        Assert.Equal(new[] { HttpStatusCode.TooManyRequests, HttpStatusCode.OK }, requests.Select(r => r.StatusCode));
        Assert.Equal("1000", Assert.Single(monitor.Logs.WithId(1411 /* RateLimited */)).GetStructuredStateValue("RetryAfterMs"));
        var scheduled = long.Parse(Assert.Single(monitor.Logs.WithId(1407 /* RetryingAfterStatus */)).GetStructuredStateValue("DelayMs")!, CultureInfo.InvariantCulture);
        Assert.True(scheduled >= 1000, $"the retry was scheduled {scheduled} ms later, sooner than Retry-After: 1");
        Output?.WriteLine($"FIGURE row6 429 Retry-After: 1: retried after {Gaps(requests)} ms");
    }

    [Fact]
    public async Task Duplicate_429_counts_as_announced_and_is_not_retried()
    {
        await using var rig = await EndToEndHarness.StartWithoutMonitorAsync();
        var (monitor, ami) = await rig.StartMonitorAsync(new Dictionary<string, string?> { ["Webhook:MaxConcurrency"] = "1" });
        using var notified = new MetricCollector<long>(EndToEndHarness.Telemetry(monitor).Meter, "renfieldsip.calls.notified");
        rig.Renfield.Enqueue(FakeRenfieldResponse.Detail(HttpStatusCode.TooManyRequests, FakeRenfield.DuplicateDetail));

        await ami.SendAsync(SyntheticCall.Numbered(1).Ringing);
        await ami.SendAsync(SyntheticCall.Numbered(2).Ringing);
        await rig.Renfield.WaitForDeliveredAsync(1, Timeout);
        await notified.WaitForMeasurementsAsync(2, Timeout);

        // One worker, in order: once call 2 is through, call 1 had every chance to be retried.
        Assert.Single(rig.RequestsFor(SyntheticCall.Numbered(1).CallerNumber));
        Assert.Contains(notified.GetMeasurementSnapshot(), m => Equals(m.Tags["outcome"], "DuplicateSuppressedByRenfield"));
        Assert.Single(monitor.Logs.WithId(1401 /* DuplicateSuppressed */));
    }

    [Fact]
    public async Task Proactive_notifications_disabled_503_is_not_retried_and_said_once()
    {
        await using var rig = await EndToEndHarness.StartWithoutMonitorAsync(new FakeRenfieldOptions { Token = EndToEndHarness.Token, ProactiveEnabled = false });
        var (monitor, ami) = await rig.StartMonitorAsync();
        using var failed = new MetricCollector<long>(EndToEndHarness.Telemetry(monitor).Meter, "renfieldsip.calls.failed");

        await ami.SendAsync(SyntheticCall.Join(SyntheticCall.Numbered(1).Ringing, SyntheticCall.Numbered(2).Ringing, SyntheticCall.Numbered(3).Ringing));
        await failed.WaitForMeasurementsAsync(3, Timeout);

        Assert.All(failed.GetMeasurementSnapshot(), m => Assert.Equal("Disabled", m.Tags["outcome"]));
        Assert.Equal(3, rig.Renfield.Requests.Count);
        Assert.Single(monitor.Logs.WithId(1404 /* ProactiveDisabled */));
    }

    [Theory]
    [InlineData("", HttpStatusCode.Unauthorized, 1402)]
    [InlineData("an-old-token", HttpStatusCode.Forbidden, 1403)]
    public async Task Missing_or_wrong_token_is_not_retried_and_says_how_to_fix_it(string token, HttpStatusCode status, int eventId)
    {
        await using var rig = await EndToEndHarness.StartWithoutMonitorAsync();
        var (monitor, ami) = await rig.StartMonitorAsync(new Dictionary<string, string?> { ["Webhook:Token"] = token });
        using var failed = new MetricCollector<long>(EndToEndHarness.Telemetry(monitor).Meter, "renfieldsip.calls.failed");

        await ami.SendAsync(SyntheticCall.Join(SyntheticCall.Numbered(1).Ringing, SyntheticCall.Numbered(2).Ringing));
        await failed.WaitForMeasurementsAsync(2, Timeout);

        Assert.All(failed.GetMeasurementSnapshot(), m => Assert.Equal("Unauthorized", m.Tags["outcome"]));
        Assert.Equal(new[] { status, status }, rig.Renfield.Requests.Select(r => r.StatusCode));
        var line = Assert.Single(monitor.Logs.WithId(eventId));
        Assert.Contains("RENFIELD_WEBHOOK_TOKEN", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Full_queue_drops_the_oldest_waiting_calls_and_counts_them()
    {
        var renfieldClock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var rig = await EndToEndHarness.StartWithoutMonitorAsync(new FakeRenfieldOptions { Token = EndToEndHarness.Token, TimeProvider = renfieldClock });
        var (monitor, ami) = await rig.StartMonitorAsync(new Dictionary<string, string?>
        {
            ["Webhook:MaxConcurrency"] = "1",
            ["Webhook:QueueCapacity"] = "5",
        });
        using var unannounced = new MetricCollector<long>(EndToEndHarness.Telemetry(monitor).Meter, "renfieldsip.calls.unannounced");

        // Call 1 occupies the only worker: Renfield holds its answer until the test moves Renfield's clock.
        rig.Renfield.Enqueue(new FakeRenfieldResponse(HttpStatusCode.OK, FakeRenfieldJson.Delivered(1)) { Delay = TimeSpan.FromHours(1) });
        await ami.SendAsync(SyntheticCall.Numbered(1).Ringing);
        await rig.WaitForCallAsync(1);

        var clock = Stopwatch.StartNew();
        await ami.SendAsync(SyntheticCall.Join([.. Enumerable.Range(2, 19).Select(c => SyntheticCall.Numbered(c).Ringing)]));
        await unannounced.WaitForMeasurementsAsync(14, Timeout);
        var dropping = clock.Elapsed;

        // The drop is counted, then logged: wait for the last line too.
        await Poll.UntilAsync(() => monitor.Logs.WithId(1106).Count >= 14, "14 queue-full lines", Timeout, Cancellation);

        Assert.All(unannounced.GetMeasurementSnapshot(), m => Assert.Equal("queue_full", m.Tags["reason"]));
        Assert.Equal(
            Enumerable.Range(2, 14).Select(c => SyntheticCall.Numbered(c).UniqueId),
            monitor.Logs.WithId(1106 /* QueueFull */).Select(r => r.GetStructuredStateValue("CallId")));

        renfieldClock.Advance(TimeSpan.FromHours(1));
        await rig.Renfield.WaitForDeliveredAsync(6, Timeout);
        Assert.Equal(
            new[] { 1, 16, 17, 18, 19, 20 }.Select(c => SyntheticCall.Numbered(c).Digits),
            rig.Renfield.Delivered.Select(r => r.CallerDigits).Order(StringComparer.Ordinal));
        Output?.WriteLine($"FIGURE row6 queue: capacity 5, 19 calls behind a hung webhook: 14 oldest dropped and counted within {dropping.TotalMilliseconds:F0} ms, newest 5 delivered after");
    }

    [Fact]
    public async Task An_announcement_that_misses_its_deadline_is_dropped_and_counted_never_sent_late()
    {
        var renfieldClock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var rig = await EndToEndHarness.StartWithoutMonitorAsync(new FakeRenfieldOptions { Token = EndToEndHarness.Token, TimeProvider = renfieldClock });
        var (monitor, ami) = await rig.StartMonitorAsync(new Dictionary<string, string?>
        {
            ["Webhook:MaxConcurrency"] = "1",
            ["Webhook:Deadline"] = "00:00:01.500",
        });
        using var failed = new MetricCollector<long>(EndToEndHarness.Telemetry(monitor).Meter, "renfieldsip.calls.failed");

        // Renfield never answers call 1 in time; call 2 waits behind it in the queue.
        rig.Renfield.Enqueue(new FakeRenfieldResponse(HttpStatusCode.OK, FakeRenfieldJson.Delivered(1)) { Delay = TimeSpan.FromHours(1) });
        var clock = Stopwatch.StartNew();
        await ami.SendAsync(SyntheticCall.Numbered(1).Ringing);
        await rig.WaitForCallAsync(1);
        await ami.SendAsync(SyntheticCall.Numbered(2).Ringing);
        await failed.WaitForMeasurementsAsync(2, Timeout);
        var dropped = clock.Elapsed;

        // A later call goes through the same single worker; once it is delivered, nothing of call 2 can still come.
        await ami.SendAsync(SyntheticCall.Numbered(3).Ringing);
        await rig.WaitForCallAsync(3);
        renfieldClock.Advance(TimeSpan.FromHours(1));

        Assert.All(failed.GetMeasurementSnapshot(), m => Assert.Equal("DeadlineExceeded", m.Tags["outcome"]));
        Assert.Single(rig.RequestsFor(SyntheticCall.Numbered(1).CallerNumber));
        Assert.Empty(rig.RequestsFor(SyntheticCall.Numbered(2).CallerNumber));
        Output?.WriteLine($"FIGURE row6 deadline: deadline 1500 ms; both calls dropped {dropped.TotalMilliseconds:F0} ms after call 1; call 2 never sent");
    }

    private static string Gaps(IReadOnlyList<FakeRenfieldRequest> requests) =>
        string.Join("/", requests.Zip(requests.Skip(1), (a, b) => (b.ArrivedAfter - a.ArrivedAfter).TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture)));

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
