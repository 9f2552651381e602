using System.Buffers;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RenfieldSip.Benchmarks.Load;
using RenfieldSip.Monitor.Ami;
using RenfieldSip.Monitor.Announcements;
using RenfieldSip.Monitor.Calls;
using RenfieldSip.Monitor.History;
using RenfieldSip.Monitor.Lifecycle;
using RenfieldSip.Monitor.Notification;
using RenfieldSip.Monitor.Telemetry;

namespace RenfieldSip.Benchmarks.Micro;

/// <summary>
/// The load tool's stream (per call: Newchannel, UserEvent, 85 noise events, HangupRequest, SoftHangupRequest,
/// Hangup; 8 calls in progress) framed and fed through <see cref="AmiCallEventDispatcher"/> into the real
/// <see cref="CallTracker"/> and <see cref="CallQueue"/>; each queued call's announcement is then published to the real
/// <see cref="CallLifecycle"/>, and the real <see cref="CallHistory"/> applies what it published and completes each
/// record. Per call (90 events). <c>Traced</c> adds an
/// <see cref="ActivityListener"/> that records the monitor's activities, as the OpenTelemetry tracer of
/// ServiceDefaults does in the running process; without it no activity is created at all.
/// </summary>
[MemoryDiagnoser]
public class CallTrackingBenchmarks : IDisposable
{
    private const int Calls = 200;
    private const int MaxFrameBytes = 1024 * 1024;

    private byte[] _stream = [];
    private ServiceProvider _services = null!;
    private CallHistory _history = null!;
    private CallLifecycle _lifecycle = null!;
    private CallLifecycleSubscription _events = null!;
    private CallTracker _tracker = null!;
    private CallQueue _queue = null!;
    private AmiCallEventDispatcher _dispatcher = null!;
    private AmiFrameScratch _scratch = null!;
    private ActivityListener? _listener;

    [Params(false, true)]
    public bool Traced { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var calls = new CallStream(CallTemplate.FromCapture(), NoiseRing.FromReadAllCaptures(85), Calls, 85, 8);
        var buffer = new byte[calls.MaxSegmentBytes];
        var stream = new ArrayBufferWriter<byte>();
        for (var segment = 0; segment < calls.Segments; segment++)
        {
            var written = calls.WriteSegment(segment, buffer);
            stream.Write(buffer.AsSpan(0, written));
        }

        _stream = stream.WrittenSpan.ToArray();
        Console.WriteLine($"// {Calls} calls, {calls.TotalEvents} events, {_stream.Length / (double)calls.TotalEvents:F0} bytes/event");

        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var telemetry = new MonitorTelemetry(_services.GetRequiredService<IMeterFactory>());
        var callOptions = Options.Create(new CallOptions());
        _history = new CallHistory(Options.Create(new HistoryOptions()), NullLogger<CallHistory>.Instance);
        _lifecycle = new CallLifecycle(telemetry, NullLogger<CallLifecycle>.Instance);
        _events = _lifecycle.Subscribe(CallHistoryWriter.Subscriber);
        _queue = new CallQueue(Options.Create(new WebhookOptions { QueueCapacity = Calls * 2 }), _lifecycle, telemetry, NullLogger<CallQueue>.Instance);
        _tracker = new CallTracker(
            _queue,
            _lifecycle,
            telemetry,
            new CallerNumberRedactor(Options.Create(new TelemetryOptions())),
            callOptions,
            TimeProvider.System,
            NullLogger<CallTracker>.Instance);
        _dispatcher = new AmiCallEventDispatcher(_tracker, callOptions);
        _scratch = new AmiFrameScratch();
        if (Traced)
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == MonitorTelemetry.Name,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            };
            ActivitySource.AddActivityListener(_listener);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Dispose();

    /// <summary>Every call of the stream is detected, announced (queued) and ended; nothing stays tracked.</summary>
    [Benchmark(OperationsPerInvoke = Calls)]
    public int TrackCalls()
    {
        var buffer = new ReadOnlySequence<byte>(_stream);
        var reader = new AmiFrameReader(MaxFrameBytes);
        while (reader.TryReadFrame(ref buffer, out var block))
        {
            var frame = new AmiFrame(_scratch.GetContiguous(block));
            if (frame.Kind == AmiFrameKind.Event)
            {
                _dispatcher.OnEvent(frame);
            }
        }

        var announced = 0;
        while (_queue.Reader.TryRead(out var call))
        {
            _lifecycle.Publish(new CallAnnounced(call.CallId, DeliveryOutcome.Delivered));
            announced++;
        }

        while (_events.Events.TryRead(out var callEvent))
        {
            _history.Apply(callEvent);
        }

        while (_history.Completed.TryRead(out _))
        {
        }

        if (announced != Calls || _tracker.ActiveCalls != 0)
        {
            throw new InvalidOperationException($"{announced} of {Calls} calls announced, {_tracker.ActiveCalls} still tracked.");
        }

        return announced;
    }

    public void Dispose()
    {
        _listener?.Dispose();
        _listener = null;
        _tracker?.Dispose();
        _events?.Dispose();
        _services?.Dispose();
        GC.SuppressFinalize(this);
    }
}
