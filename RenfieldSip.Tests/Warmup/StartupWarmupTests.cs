using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using RenfieldSip.Monitor;
using RenfieldSip.Monitor.History;
using RenfieldSip.Monitor.Telemetry;
using RenfieldSip.Monitor.Warmup;
using RenfieldSip.Tests.EndToEnd;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Warmup;

/// <summary>
/// The start-up warm-up on the real monitor: it finishes before the AMI login, and the made-up calls it rehearses
/// leave no trace a user could see: no request to Renfield, no history entry, no counted call.
/// </summary>
public sealed class StartupWarmupTests
{
    private const int WarmedUp = 1950;
    private const int AmiLoggedIn = 1001;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_warm_up_finishes_before_the_AMI_login_and_sends_nothing_to_Renfield()
    {
        await using var harness = await EndToEndHarness.StartAsync();
        await harness.Ami.WaitForLoginAsync(1, TimeSpan.FromSeconds(10));
        await Poll.UntilAsync(
            () => harness.Monitor.Logs.GetSnapshot().Any(r => r.Id.Id == AmiLoggedIn), "the AMI login's log line", TimeSpan.FromSeconds(10), Cancellation);

        var ids = harness.Monitor.Logs.GetSnapshot().Select(r => r.Id.Id).ToList();
        Assert.Contains(WarmedUp, ids);
        Assert.True(ids.IndexOf(WarmedUp) < ids.IndexOf(AmiLoggedIn), "the warm-up must end before the AMI login");
        Assert.Empty(harness.Renfield.Requests);
    }

    [Fact]
    public async Task The_rehearsal_posts_through_the_webhook_clients_own_configuration()
    {
        // The name must be the typed client's, or the rehearsal would warm a default client (with the standard
        // resilience handler and a 100 s timeout) and leave the real one cold.
        await using var app = MonitorApplication.Create([]);
        using var client = app.Services.GetRequiredService<IHttpClientFactory>().CreateClient(CallPathRehearsal.WebhookClientName);

        Assert.Equal(Timeout.InfiniteTimeSpan, client.Timeout);
    }

    [Fact]
    public async Task The_rehearsals_call_path_comes_from_the_monitors_registrations_without_Redis_or_Renfield()
    {
        await using var app = MonitorApplication.Create([], builder =>
        {
            builder.Configuration["ConnectionStrings:redis"] = "127.0.0.1:1";
            builder.Configuration["Webhook:Url"] = "http://renfield.invalid/api/notifications/webhook";
        });
        using var meters = new PrivateMeterFactory();
        using var logs = new DiscardingLoggerProvider();
        var loopback = new Uri("http://127.0.0.1:9/warm-up");

        await using var path = app.Services.GetRequiredService<RehearsalServices>().Build(loopback, meters, logs);

        Assert.False(path.GetRequiredService<RenfieldSip.Monitor.Redis.RedisConnection>().IsConfigured);
        Assert.Equal(loopback.ToString(), path.GetRequiredService<Microsoft.Extensions.Options.IOptions<RenfieldSip.Monitor.Notification.WebhookOptions>>().Value.Url);
        Assert.Same(app.Services.GetRequiredService<IHttpClientFactory>(), path.GetRequiredService<IHttpClientFactory>());
        Assert.Same(app.Services.GetRequiredService<RenfieldSip.Monitor.Identity.IPhonebookSource>(), path.GetRequiredService<RenfieldSip.Monitor.Identity.IPhonebookSource>());
        Assert.NotSame(app.Services.GetRequiredService<CallHistoryStore>(), path.GetRequiredService<CallHistoryStore>());
        Assert.Same(meters, path.GetRequiredService<IMeterFactory>());
    }

    [Fact]
    public async Task After_the_warm_up_the_first_call_is_the_only_one_announced_recorded_and_counted()
    {
        using var counted = new CallCounter();
        await using var harness = await EndToEndHarness.StartAsync();

        var announced = await harness.PlayAsync("privacy-rewrite-userevent-known.ami", Cancellation);

        // The replayed call and the harness's sentinel: nothing else reached Renfield.
        Assert.Single(announced);
        Assert.Equal(2, harness.Renfield.Requests.Count);
        var store = harness.Monitor.GetRequiredService<CallHistoryStore>();
        var recorded = await Poll.ForAsync(
            async () => (await store.ReadAsync(CallQuery.Latest, Cancellation)).Calls,
            calls => calls.Count >= 2,
            "two calls in the history",
            TimeSpan.FromSeconds(10),
            TimeSpan.FromMilliseconds(20),
            Cancellation);
        Assert.Equal(2, recorded.Count);
        Assert.DoesNotContain(recorded, r => r.CallId.StartsWith("warm-up", StringComparison.Ordinal));
        Assert.Equal(2, counted.Detected(EndToEndHarness.Telemetry(harness.Monitor).Meter));
    }

    /// <summary>
    /// Sums <c>renfieldsip.calls.detected</c> per meter named like the monitor's (what its metrics pipeline listens
    /// to), from before the monitor starts: tests running beside this one have meters of their own.
    /// </summary>
    private sealed class CallCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentDictionary<Meter, long> _detected = new();

        public CallCounter()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Name == "renfieldsip.calls.detected" && instrument.Meter.Name == MonitorTelemetry.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => _detected.AddOrUpdate(instrument.Meter, value, (_, sum) => sum + value));
            _listener.Start();
        }

        public long Detected(Meter meter) => _detected.GetValueOrDefault(meter);

        public void Dispose() => _listener.Dispose();
    }
}
