using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Testing;
using RenfieldSip.Monitor.Identity;
using RenfieldSip.Monitor.Lifecycle;
using RenfieldSip.Monitor.Notification;
using RenfieldSip.Monitor.Telemetry;

namespace RenfieldSip.Tests.Lifecycle;

/// <summary>The lifecycle on its own: every listener gets every event in order, a stuck one costs the publisher nothing.</summary>
public sealed class CallLifecycleTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly FakeLogCollector _logs = new();
    private readonly MonitorTelemetry _telemetry;
    private readonly CallLifecycle _lifecycle;

    public CallLifecycleTests()
    {
        _telemetry = new MonitorTelemetry(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        _lifecycle = new CallLifecycle(_telemetry, new FakeLogger<CallLifecycle>(_logs));
    }

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public void Every_listener_gets_every_call_s_stages_in_the_order_they_were_published()
    {
        using var history = _lifecycle.Subscribe("history");
        using var other = _lifecycle.Subscribe("other");
        CallEvent[] published =
        [
            new CallDetected("c1", "+4930123456", Start, Activity: null),
            new CallDetected("c2", "+4930123456", Start, Activity: null),
            new CallIdentified("c1", new CallerIdentity(CallerKind.Contact, "Max", "+49 170 1234567", "+491701234567")),
            new CallEnded("c2", Start.AddSeconds(1), "16", "Normal Clearing", "487", AnnouncementPending: false),
            new CallDecided("c1", Rule: null, Spoken: true),
            new CallAnnounced("c1", DeliveryOutcome.Delivered),
            new CallEnded("c1", Start.AddSeconds(9), "16", "Normal Clearing", null, AnnouncementPending: true),
        ];

        foreach (var callEvent in published)
        {
            _lifecycle.Publish(callEvent);
        }

        Assert.Equal(published, ReadAll(history));
        Assert.Equal(published, ReadAll(other));
        Assert.Equal(0, history.Dropped + other.Dropped);
    }

    [Fact]
    public void A_listener_that_reads_nothing_never_blocks_publishing_and_loses_only_its_own_oldest_events()
    {
        using var dropped = new MetricCollector<long>(_telemetry.Meter, "renfieldsip.lifecycle.dropped");
        using var stuck = _lifecycle.Subscribe("stuck", capacity: 2);
        using var reading = _lifecycle.Subscribe("reading", capacity: 100);
        var published = Enumerable.Range(1, 10).Select(i => (CallEvent)new CallDropped("c" + i)).ToList();

        // Publishing is synchronous and returns for every event: nothing here could wait for the stuck listener.
        foreach (var callEvent in published)
        {
            _lifecycle.Publish(callEvent);
        }

        Assert.Equal(published[^2..], ReadAll(stuck));
        Assert.Equal(8, stuck.Dropped);
        Assert.Equal(published, ReadAll(reading));
        Assert.Equal(0, reading.Dropped);
        Assert.Equal(8, dropped.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.All(dropped.GetMeasurementSnapshot(), m => Assert.Equal("stuck", m.Tags["subscriber"]));
        var first = _logs.GetSnapshot().Where(r => r.Id.Id == 1500).ToList();
        Assert.Equal(8, first.Count);
        Assert.Equal(("stuck", "CallDropped", "c1"), (first[0].GetStructuredStateValue("Subscriber"), first[0].GetStructuredStateValue("Event"), first[0].GetStructuredStateValue("CallId")));
    }

    [Fact]
    public async Task A_listener_that_leaves_gets_nothing_more_and_its_events_end_after_what_was_queued()
    {
        var leaving = _lifecycle.Subscribe("leaving");
        using var staying = _lifecycle.Subscribe("staying");
        Assert.Equal(2, _lifecycle.Subscribers);
        _lifecycle.Publish(new CallDropped("before"));

        leaving.Dispose();
        _lifecycle.Publish(new CallDropped("after"));

        Assert.Equal(1, _lifecycle.Subscribers);
        var left = new List<string>();
        await foreach (var callEvent in leaving.Events.ReadAllAsync(Cancellation).WithCancellation(Cancellation))
        {
            left.Add(callEvent.CallId);
        }

        Assert.Equal(["before"], left);
        Assert.Equal(["before", "after"], ReadAll(staying).Select(e => e.CallId));
    }

    [Fact]
    public async Task WatchAsync_listens_from_its_first_step_until_it_is_cancelled()
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        _lifecycle.Publish(new CallDropped("before the watch"));
        var watch = _lifecycle.WatchAsync("watcher", stop.Token).GetAsyncEnumerator(stop.Token);

        // The iterator subscribes synchronously in its first step, before it waits for an event.
        var next = watch.MoveNextAsync();
        Assert.Equal(1, _lifecycle.Subscribers);
        _lifecycle.Publish(new CallDropped("c1"));
        Assert.True(await next.AsTask().WaitAsync(TimeSpan.FromSeconds(10), Cancellation));
        Assert.Equal("c1", watch.Current.CallId);

        next = watch.MoveNextAsync();
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next.AsTask().WaitAsync(TimeSpan.FromSeconds(10), Cancellation));
        await watch.DisposeAsync();
        Assert.Equal(0, _lifecycle.Subscribers);
    }

    public void Dispose()
    {
        _telemetry.Dispose();
        _services.Dispose();
    }

    private static List<CallEvent> ReadAll(CallLifecycleSubscription subscription)
    {
        var events = new List<CallEvent>();
        while (subscription.Events.TryRead(out var callEvent))
        {
            events.Add(callEvent);
        }

        return events;
    }
}
