using System.Buffers;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using RenfieldSip.Monitor.Announcements;
using RenfieldSip.Monitor.Ami;
using RenfieldSip.Monitor.Calls;
using RenfieldSip.Monitor.Dedup;
using RenfieldSip.Monitor.History;
using RenfieldSip.Monitor.Identity;
using RenfieldSip.Monitor.Lifecycle;
using RenfieldSip.Monitor.Notification;
using RenfieldSip.Monitor.Redis;
using RenfieldSip.Monitor.Rules;
using RenfieldSip.Monitor.Telemetry;

namespace RenfieldSip.Monitor.Warmup;

/// <summary>
/// Runs made-up calls through private copies of the whole call path: AMI frames → dispatcher → tracker → queue →
/// announcer (phonebook lookup, rules, dedup, notification, JSON) → the real webhook HttpClient pipeline, which posts to
/// a <see cref="LoopbackWebhook"/> in this process. The copies share the code, the phone number metadata, the
/// phonebook and the HTTP handler with the real path, so the JIT, the lazy statics and the handler's pool are paid
/// here; they share no state, so no call is recorded, counted, deduplicated or traced, and nothing reaches Renfield.
/// </summary>
internal sealed class CallPathRehearsal(
    ICallerIdentifier identifier,
    AnnouncementPolicy policy,
    DedupKeyHasher dedupKeys,
    INotificationComposer composer,
    IHttpClientFactory httpClientFactory,
    CallerNumberRedactor redactor,
    IOptions<CallOptions> callOptions,
    IOptions<WebhookOptions> webhookOptions,
    IOptions<HistoryOptions> historyOptions,
    TimeProvider time)
{
    // The typed client's name (AddHttpClient<IRenfieldWebhook, …>): its handler chain is the one real calls use.
    internal const string WebhookClientName = nameof(IRenfieldWebhook);

    private const int MaxFrameBytes = 64 * 1024;

    // One number in E.164 and in national form (the second is a dedup hit), an international prefix with a hostile
    // name, a number only and a withheld caller: each takes its own way through libphonenumber, the phonebook lookup,
    // the text cleaning, dedup and the composer.
    private static readonly (string Number, string Name, string Presentation)[] Callers =
    [
        ("+4930901820", "Warm-up", "allowed_not_screened"),
        ("030901820", "Warm-up", "allowed_not_screened"),
        ("00491701234567", "\"Warm\" <up>", "allowed"),
        ("01761234567", "", "allowed_not_screened"),
        ("anonymous", "anonymous", "prohib_not_screened"),
    ];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var meters = new PrivateMeterFactory();
        using var telemetry = new MonitorTelemetry(meters);
        using var loggers = new LoggerFactory([new DiscardingLoggerProvider()]);

        // The private copies start activities on the monitor's ActivitySource; suppressed, no call is traced.
        using (SuppressInstrumentationScope.Begin())
        {
            await using var stub = LoopbackWebhook.Start();
            await RehearseCallsAsync(telemetry, loggers, Webhook(stub, loggers), cancellationToken);
        }

        // One more post, not suppressed and to a host the handler has not seen: traced as the warm-up's own HTTP span,
        // it pays what a first call to Renfield adds (resolving a new endpoint, a new connection with its telemetry,
        // the request activity and the trace context header).
        await using var fresh = LoopbackWebhook.Start();
        var caller = identifier.Identify(Callers[0].Number, Callers[0].Name, CallerPresentation.Allowed);
        await Webhook(fresh, loggers).SendAsync(composer.Compose(caller), time.GetUtcNow() + TimeSpan.FromSeconds(5), cancellationToken);
    }

    private RenfieldWebhookClient Webhook(LoopbackWebhook stub, ILoggerFactory loggers) => new(
        httpClientFactory.CreateClient(WebhookClientName),
        Options.Create(new WebhookOptions { Url = stub.Url.ToString(), Token = "warm-up" }),
        time,
        new WebhookAlertThrottle(time),
        loggers.CreateLogger<RenfieldWebhookClient>());

    private async Task RehearseCallsAsync(MonitorTelemetry telemetry, ILoggerFactory loggers, RenfieldWebhookClient webhook, CancellationToken cancellationToken)
    {
        var lifecycle = new CallLifecycle(telemetry, loggers.CreateLogger<CallLifecycle>());
        using var events = lifecycle.Subscribe(CallHistoryWriter.Subscriber);
        var history = new CallHistory(historyOptions, loggers.CreateLogger<CallHistory>());
        var queue = new CallQueue(webhookOptions, lifecycle, telemetry, loggers.CreateLogger<CallQueue>());
        using var tracker = new CallTracker(queue, lifecycle, telemetry, redactor, callOptions, time, loggers.CreateLogger<CallTracker>());
        var dispatcher = new AmiCallEventDispatcher(tracker, callOptions);
        // Without a connection string: the rehearsal's claims stay in its own memory and never reach the shared Redis.
        await using var noRedis = new RedisConnection(Options.Create(new RedisOptions()));
        var dedup = new ResilientDedupStore(Options.Create(new DedupOptions()), noRedis, time, loggers.CreateLogger<ResilientDedupStore>());
        var announcer = new CallAnnouncer(
            identifier, policy, dedup, dedupKeys, composer, webhook, lifecycle, telemetry, redactor, webhookOptions,
            Options.Create(new DedupOptions()), time, loggers.CreateLogger<CallAnnouncer>());
        var store = new MemoryCallHistoryStore(time, Callers.Length, TimeSpan.FromMinutes(1));

        var context = callOptions.Value.InboundContexts[0];
        var frames = new AmiFrameReader(MaxFrameBytes);
        var scratch = new AmiFrameScratch();
        for (var i = 0; i < Callers.Length; i++)
        {
            var (number, name, presentation) = Callers[i];
            var callId = "warm-up." + i.ToString(CultureInfo.InvariantCulture);
            Feed(ref frames, scratch, dispatcher, Frames(callId, context, callOptions.Value.IdentityEvent, number, name, presentation));
            while (queue.Reader.TryRead(out var call))
            {
                await announcer.AnnounceAsync(call, cancellationToken);
            }

            Feed(ref frames, scratch, dispatcher, Hangup(callId, context));
            while (events.Events.TryRead(out var callEvent))
            {
                history.Apply(callEvent);
            }

            while (history.Completed.TryRead(out var record))
            {
                store.Append(record);
            }
        }

        // The composer's other wordings and the policy on their own, for callers the loop above cannot make.
        var unknown = identifier.Identify(null, null, CallerPresentation.Unknown);
        policy.Decide(unknown, null, time.GetUtcNow());
        RenfieldJsonContext.ToUtf8(composer.Compose(unknown));
    }

    private static void Feed(ref AmiFrameReader frames, AmiFrameScratch scratch, AmiCallEventDispatcher dispatcher, byte[] bytes)
    {
        var buffer = new ReadOnlySequence<byte>(bytes);
        while (frames.TryReadFrame(ref buffer, out var block))
        {
            var frame = new AmiFrame(scratch.GetContiguous(block));
            if (frame.Kind == AmiFrameKind.Event)
            {
                dispatcher.OnEvent(frame);
            }
        }
    }

    private static byte[] Frames(string callId, string context, string identityEvent, string number, string name, string presentation) =>
        Encoding.Latin1.GetBytes(
            $"Event: Newchannel\r\nChannel: PJSIP/warm-up-00000001\r\nCallerIDNum: {number}\r\nCallerIDName: {name}\r\n"
            + $"Context: {context}\r\nExten: 4930123456\r\nUniqueid: {callId}\r\nLinkedid: {callId}\r\n\r\n"
            + $"Event: UserEvent\r\nChannel: PJSIP/warm-up-00000001\r\nCallerIDNum: {number}\r\nCallerIDName: {name}\r\n"
            + $"Context: {context}\r\nUniqueid: {callId}\r\nLinkedid: {callId}\r\nUserEvent: {identityEvent}\r\n"
            + $"Presentation: {presentation}\r\nDID: 4930123456\r\n\r\n");

    private static byte[] Hangup(string callId, string context) =>
        Encoding.Latin1.GetBytes(
            $"Event: Hangup\r\nChannel: PJSIP/warm-up-00000001\r\nContext: {context}\r\nUniqueid: {callId}\r\n"
            + "Linkedid: " + callId + "\r\nCause: 16\r\nCause-txt: Normal Clearing\r\nTechCause: 200\r\n\r\n");
}
