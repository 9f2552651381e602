using System.Threading.Channels;
using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.Lifecycle;
using RenfieldSip.Monitor.Notification;
using RenfieldSip.Monitor.Telemetry;

namespace RenfieldSip.Monitor.Announcements;

/// <summary>
/// The hand-off between the AMI read loop and the announcement workers. Bounded, and it never blocks the writer:
/// a slow Renfield must not stall AMI reading, so when it is full the oldest call (the one closest to its
/// deadline) is dropped and counted.
/// </summary>
internal sealed class CallQueue
{
    private readonly Channel<IncomingCall> _channel;

    public CallQueue(IOptions<WebhookOptions> options, CallLifecycle lifecycle, MonitorTelemetry telemetry, ILogger<CallQueue> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _channel = Channel.CreateBounded<IncomingCall>(
            new BoundedChannelOptions(options.Value.QueueCapacity)
            {
                FullMode = BoundedChannelFullMode.DropOldest,
                SingleWriter = false,
                SingleReader = false,
            },
            dropped =>
            {
                telemetry.CallsUnannounced.Add(1, new KeyValuePair<string, object?>("reason", "queue_full"));
                Log.QueueFull(logger, dropped.CallId);
                dropped.Activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, "Dropped: announcement queue full");
                lifecycle.Publish(new CallDropped(dropped.CallId));
            });
    }

    public ChannelReader<IncomingCall> Reader => _channel.Reader;

    public void Enqueue(IncomingCall call) => _channel.Writer.TryWrite(call);

    /// <summary>No more calls will come (shutdown); the workers drain what is queued.</summary>
    public void Complete() => _channel.Writer.TryComplete();
}
