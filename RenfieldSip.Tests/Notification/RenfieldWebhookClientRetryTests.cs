using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using RenfieldSip.Monitor.Notification;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Notification;

/// <summary>Retries, Retry-After, per-attempt timeouts and the deadline. Waits run in fake time where the client waits.</summary>
public sealed class RenfieldWebhookClientRetryTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    public async Task Transient_errors_are_retried_with_exponential_backoff(HttpStatusCode status)
    {
        var fake = new FakeTimeProvider(Start);
        var time = new BackoffSkippingTimeProvider(fake);
        await using var renfield = await FakeRenfield.StartAsync(new FakeRenfieldOptions { TimeProvider = fake });
        renfield.Enqueue(FakeRenfieldResponse.Detail(status, "x"), FakeRenfieldResponse.Detail(status, "x"), FakeRenfieldResponse.Detail(status, "x"));
        using var harness = new WebhookHarness(renfield.WebhookUrl, time);

        var outcome = await harness.SendAsync(cancellationToken: Ct);

        Assert.Equal(DeliveryOutcome.Delivered, outcome);
        Assert.Equal(4, renfield.Requests.Count);
        Assert.Equal([TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1)], time.Waits); // jitter pinned to 1.0
        Assert.Equal(3, harness.Logger.Collector.WithId(1407).Count);
        var arrivals = renfield.Requests.Select(r => r.ArrivedAt - Start).ToArray();
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(750), TimeSpan.FromMilliseconds(1750)], arrivals);
    }

    [Fact]
    public async Task Nothing_is_sent_after_the_deadline()
    {
        var fake = new FakeTimeProvider(Start);
        var time = new BackoffSkippingTimeProvider(fake);
        await using var renfield = await FakeRenfield.StartAsync(new FakeRenfieldOptions { TimeProvider = fake });
        renfield.Enqueue([.. Enumerable.Repeat(FakeRenfieldResponse.Detail(HttpStatusCode.InternalServerError, "x"), 100)]);
        using var harness = new WebhookHarness(renfield.WebhookUrl, time);
        var deadline = Start + TimeSpan.FromSeconds(10);

        var outcome = await harness.Client.SendAsync(harness.Composer.Compose(WebhookHarness.MaxMustermann), deadline, Ct);

        Assert.Equal(DeliveryOutcome.DeadlineExceeded, outcome);
        Assert.InRange(renfield.Requests.Count, 4, 10);
        Assert.All(renfield.Requests, r => Assert.True(r.ArrivedAt + RenfieldWebhookClient.MinimumAttemptBudget <= deadline, $"sent at {r.ArrivedAt - Start}"));
        Assert.True(fake.GetUtcNow() <= deadline, "the client must not wait past the deadline just to give up");
        var drop = Assert.Single(harness.Logger.Collector.WithId(1409));
        Assert.Equal("HTTP 500", drop.GetStructuredStateValue("Reason"));
    }

    [Fact]
    public async Task An_expired_deadline_sends_nothing()
    {
        await using var renfield = await FakeRenfield.StartAsync();
        using var harness = new WebhookHarness(renfield.WebhookUrl, TimeProvider.System);

        var outcome = await harness.SendAsync(deadline: TimeSpan.FromMilliseconds(-1), cancellationToken: Ct);

        Assert.Equal(DeliveryOutcome.DeadlineExceeded, outcome);
        Assert.Empty(renfield.Requests);
    }

    [Fact]
    public async Task Retry_After_in_seconds_is_honoured()
    {
        var fake = new FakeTimeProvider(Start);
        var time = new BackoffSkippingTimeProvider(fake);
        await using var renfield = await FakeRenfield.StartAsync(new FakeRenfieldOptions { TimeProvider = fake });
        renfield.Enqueue(FakeRenfieldResponse.RateLimited(3));
        using var harness = new WebhookHarness(renfield.WebhookUrl, time);

        var outcome = await harness.SendAsync(cancellationToken: Ct);

        Assert.Equal(DeliveryOutcome.Delivered, outcome);
        Assert.Equal([TimeSpan.FromSeconds(3)], time.Waits);
        Assert.Equal(TimeSpan.FromSeconds(3), renfield.Requests[1].ArrivedAt - renfield.Requests[0].ArrivedAt);
        Assert.Equal("3000", Assert.Single(harness.Logger.Collector.WithId(1411)).GetStructuredStateValue("RetryAfterMs"));
    }

    [Fact]
    public async Task Retry_After_as_an_HTTP_date_is_honoured()
    {
        var fake = new FakeTimeProvider(Start);
        var time = new BackoffSkippingTimeProvider(fake);
        await using var renfield = await FakeRenfield.StartAsync(new FakeRenfieldOptions { TimeProvider = fake });
        renfield.Enqueue(new FakeRenfieldResponse(HttpStatusCode.TooManyRequests, """{"detail":"slow down"}""")
        {
            Headers = new Dictionary<string, string> { ["Retry-After"] = (Start + TimeSpan.FromSeconds(5)).ToString("R", CultureInfo.InvariantCulture) },
        });
        using var harness = new WebhookHarness(renfield.WebhookUrl, time);

        var outcome = await harness.SendAsync(cancellationToken: Ct);

        Assert.Equal(DeliveryOutcome.Delivered, outcome);
        Assert.Equal([TimeSpan.FromSeconds(5)], time.Waits);
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_deadline_gives_up_at_once()
    {
        var fake = new FakeTimeProvider(Start);
        var time = new BackoffSkippingTimeProvider(fake);
        await using var renfield = await FakeRenfield.StartAsync(new FakeRenfieldOptions { TimeProvider = fake, RateLimitPerMinute = 0 });
        using var harness = new WebhookHarness(renfield.WebhookUrl, time);

        var outcome = await harness.SendAsync(deadline: TimeSpan.FromSeconds(25), cancellationToken: Ct);

        Assert.Equal(DeliveryOutcome.DeadlineExceeded, outcome);
        Assert.Single(renfield.Requests);
        Assert.Empty(time.Waits);
        Assert.Equal(Start, fake.GetUtcNow());
    }

    [Fact]
    public async Task A_slow_answer_is_cut_at_the_request_timeout_and_the_retry_follows_one_backoff_later()
    {
        // The attempt timeout is a timer on the client's clock: the test moves that clock past it once the request is out.
        var fake = new FakeTimeProvider(Start);
        var time = new BackoffSkippingTimeProvider(fake);
        await using var renfield = await FakeRenfield.StartAsync(new FakeRenfieldOptions { TimeProvider = fake });
        renfield.Enqueue(new FakeRenfieldResponse(HttpStatusCode.OK, FakeRenfieldJson.Delivered(99)) { Delay = TimeSpan.FromSeconds(30) });
        using var harness = new WebhookHarness(renfield.WebhookUrl, time, o => o.RequestTimeout = TimeSpan.FromMilliseconds(300));

        var sending = harness.SendAsync(deadline: TimeSpan.FromSeconds(5), cancellationToken: Ct);
        await renfield.WaitForRequestsAsync(1, TimeSpan.FromSeconds(5));
        fake.Advance(TimeSpan.FromMilliseconds(300));
        var outcome = await sending.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Equal(DeliveryOutcome.Delivered, outcome);
        Assert.Equal([Start, Start + TimeSpan.FromMilliseconds(300 + 250)], renfield.Requests.Select(r => r.ArrivedAt));
        Assert.Equal([TimeSpan.FromMilliseconds(250)], time.Waits);
        Assert.Contains("no answer within 300 ms", Assert.Single(harness.Logger.Collector.WithId(1408)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_4_s_TTS_answer_under_a_5_s_request_timeout_is_awaited_not_cut()
    {
        var fake = new FakeTimeProvider(Start);
        var time = new BackoffSkippingTimeProvider(fake);
        await using var renfield = await FakeRenfield.StartAsync(new FakeRenfieldOptions { TimeProvider = fake, ResponseDelay = TimeSpan.FromSeconds(4) });
        using var harness = new WebhookHarness(renfield.WebhookUrl, time, o => o.RequestTimeout = TimeSpan.FromSeconds(5));

        var sending = harness.SendAsync(deadline: TimeSpan.FromSeconds(25), cancellationToken: Ct);
        await renfield.WaitForRequestsAsync(1, TimeSpan.FromSeconds(5));
        fake.Advance(TimeSpan.FromSeconds(4));
        var outcome = await sending.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Equal(DeliveryOutcome.Delivered, outcome);
        Assert.Single(renfield.Requests);
        Assert.Empty(harness.Logger.Collector.WithId(1408));
    }

    [Fact]
    public async Task The_attempt_timeout_is_cut_to_the_deadline_and_the_call_is_dropped_there()
    {
        var fake = new FakeTimeProvider(Start);
        var time = new BackoffSkippingTimeProvider(fake);
        await using var renfield = await FakeRenfield.StartAsync(new FakeRenfieldOptions { TimeProvider = fake, ResponseDelay = TimeSpan.FromSeconds(30) });
        using var harness = new WebhookHarness(renfield.WebhookUrl, time, o => o.RequestTimeout = TimeSpan.FromSeconds(15));

        var sending = harness.SendAsync(deadline: TimeSpan.FromMilliseconds(600), cancellationToken: Ct);
        await renfield.WaitForRequestsAsync(1, TimeSpan.FromSeconds(5));
        fake.Advance(TimeSpan.FromMilliseconds(600));
        var outcome = await sending.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Equal(DeliveryOutcome.DeadlineExceeded, outcome);
        Assert.Single(renfield.Requests);
        Assert.Equal("no answer within 600 ms", Assert.Single(harness.Logger.Collector.WithId(1409)).GetStructuredStateValue("Reason"));
        Assert.Empty(time.Waits);
    }

    [Fact]
    public async Task Connection_failures_are_retried_while_an_attempt_fits_before_the_deadline()
    {
        var url = new Uri($"http://127.0.0.1:{ClosedPort()}/api/notifications/webhook");
        var fake = new FakeTimeProvider(Start);
        var time = new BackoffSkippingTimeProvider(fake);
        using var harness = new WebhookHarness(url, time);

        var outcome = await harness.SendAsync(deadline: TimeSpan.FromMilliseconds(700), cancellationToken: Ct);

        // Attempt 1 at 0 ms, retry after 250 ms; the next backoff (500 ms) would leave less than the minimum budget.
        Assert.Equal(DeliveryOutcome.DeadlineExceeded, outcome);
        Assert.Equal([TimeSpan.FromMilliseconds(250)], time.Waits);
        Assert.Equal("ConnectionError", Assert.Single(harness.Logger.Collector.WithId(1408)).GetStructuredStateValue("Reason"));
        Assert.Equal("ConnectionError", Assert.Single(harness.Logger.Collector.WithId(1409)).GetStructuredStateValue("Reason"));
    }

    [Fact]
    public async Task Shutdown_during_an_attempt_is_cancelled()
    {
        await using var renfield = await FakeRenfield.StartAsync(new FakeRenfieldOptions { ResponseDelay = TimeSpan.FromSeconds(30) });
        using var harness = new WebhookHarness(renfield.WebhookUrl, TimeProvider.System);

        Assert.Equal(DeliveryOutcome.Cancelled, await ShutDownAfterTheFirstRequestAsync(renfield, harness));
    }

    [Fact]
    public async Task Shutdown_during_a_backoff_is_cancelled()
    {
        var fake = new FakeTimeProvider(Start);
        await using var renfield = await FakeRenfield.StartAsync(new FakeRenfieldOptions { TimeProvider = fake });
        renfield.Enqueue(FakeRenfieldResponse.Detail(HttpStatusCode.BadGateway, "x"));
        using var harness = new WebhookHarness(renfield.WebhookUrl, fake); // plain fake clock: the backoff never ends by itself

        Assert.Equal(DeliveryOutcome.Cancelled, await ShutDownAfterTheFirstRequestAsync(renfield, harness));
        Assert.Single(renfield.Requests);
    }

    private static async Task<DeliveryOutcome> ShutDownAfterTheFirstRequestAsync(FakeRenfield renfield, WebhookHarness harness)
    {
        using var shutdown = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var sending = harness.SendAsync(cancellationToken: shutdown.Token);
        await renfield.WaitForRequestsAsync(1, TimeSpan.FromSeconds(5));
        await shutdown.CancelAsync();
        return await sending.WaitAsync(TimeSpan.FromSeconds(5), Ct);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
