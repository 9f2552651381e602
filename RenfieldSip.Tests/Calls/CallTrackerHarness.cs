using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RenfieldSip.Monitor.Announcements;
using RenfieldSip.Monitor.Calls;
using RenfieldSip.Monitor.Lifecycle;
using RenfieldSip.Monitor.Notification;
using RenfieldSip.Monitor.Telemetry;

namespace RenfieldSip.Tests.Calls;

/// <summary>A tracker and dispatcher wired as in the monitor, with a fake clock and a readable queue.</summary>
internal sealed class CallTrackerHarness : IDisposable
{
    private readonly ServiceProvider _services;

    public CallTrackerHarness(CallOptions? options = null)
    {
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        Telemetry = new MonitorTelemetry(_services.GetRequiredService<IMeterFactory>());
        var callOptions = Options.Create(options ?? new CallOptions());
        Lifecycle = new CallLifecycle(Telemetry, new FakeLogger<CallLifecycle>(Logs));
        Queue = new CallQueue(Options.Create(new WebhookOptions()), Lifecycle, Telemetry, new FakeLogger<CallQueue>(Logs));
        Tracker = new CallTracker(Queue, Lifecycle, Telemetry, new CallerNumberRedactor(Options.Create(new TelemetryOptions())), callOptions, Time, new FakeLogger<CallTracker>(Logs));
        Dispatcher = new AmiCallEventDispatcher(Tracker, callOptions);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));

    public FakeLogCollector Logs { get; } = new();

    public MonitorTelemetry Telemetry { get; }

    public CallLifecycle Lifecycle { get; }

    public CallQueue Queue { get; }

    public CallTracker Tracker { get; }

    public AmiCallEventDispatcher Dispatcher { get; }

    public List<IncomingCall> Replay(string capture)
    {
        TimedCaptureReplay.Play(capture, Dispatcher, Time);

        // Let any settle timer still pending fire, as real time would.
        Time.Advance(TimeSpan.FromMinutes(1));
        return Drain();
    }

    public List<IncomingCall> Drain()
    {
        var calls = new List<IncomingCall>();
        while (Queue.Reader.TryRead(out var call))
        {
            calls.Add(call);
        }

        return calls;
    }

    public void Dispose()
    {
        Tracker.Dispose();
        Telemetry.Dispose();
        _services.Dispose();
    }
}
