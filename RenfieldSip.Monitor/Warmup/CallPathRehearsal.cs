using System.Buffers;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using RenfieldSip.Monitor.Announcements;
using RenfieldSip.Monitor.Ami;
using RenfieldSip.Monitor.Calls;
using RenfieldSip.Monitor.History;
using RenfieldSip.Monitor.Identity;
using RenfieldSip.Monitor.Lifecycle;
using RenfieldSip.Monitor.Notification;
using RenfieldSip.Monitor.Rules;
using RenfieldSip.Monitor.Text;

namespace RenfieldSip.Monitor.Warmup;

/// <summary>
/// Runs made-up calls through a private copy of the whole call path (<see cref="RehearsalServices"/>): AMI frames →
/// dispatcher → tracker → queue → announcer (phonebook lookup, rules, dedup, notification, JSON) → the real webhook
/// HttpClient pipeline, which posts to a <see cref="LoopbackWebhook"/> in this process. The copy shares the code, the
/// phone number metadata, the phonebook and the HTTP handler with the real path, so the JIT, the lazy statics and the
/// handler's pool are paid here; it shares no state, so no call is recorded, counted, deduplicated or traced, and
/// nothing reaches Renfield.
/// </summary>
internal sealed class CallPathRehearsal(RehearsalServices rehearsalServices, IEnumerable<IAmiEventHandler> monitorHandlers, TimeProvider time)
{
    // The typed client's name (AddHttpClient<IRenfieldWebhook, …>): its handler chain is the one real calls use.
    internal const string WebhookClientName = nameof(IRenfieldWebhook);

    private const int MaxFrameBytes = 64 * 1024;

    private const string Subscriber = "warm-up";

    private static readonly byte[] UnhandledEvent = "Event: RenfieldSipWarmUp\r\nPrivilege: user,all\r\n\r\n"u8.ToArray();

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
        using var logs = new DiscardingLoggerProvider();
        await using var stub = LoopbackWebhook.Start();
        await using var path = rehearsalServices.Build(stub.Url, meters, logs);

        // The private copy starts activities on the monitor's ActivitySource; suppressed, no call is traced.
        using (SuppressInstrumentationScope.Begin())
        {
            await RehearseCallsAsync(path, cancellationToken);
        }

        // The monitor's own handlers, all of them behind the one the AMI client feeds, given one event that no area
        // handles: the read loop's dispatch to every area (the trunk's and the answering machine's too, which the copy
        // lacks) is compiled here, and each handler turns the event away on its name, so nothing in the monitor changes.
        var frames = new AmiFrameReader(MaxFrameBytes);
        Feed(ref frames, new AmiFrameScratch(), [AmiEventHandlers.From(monitorHandlers)], UnhandledEvent);

        // One more post, not suppressed and to a host the handler has not seen: traced as the warm-up's own HTTP span,
        // it pays what a first call to Renfield adds (resolving a new endpoint, a new connection with its telemetry,
        // the request activity and the trace context header).
        await using var fresh = LoopbackWebhook.Start();
        var webhook = ActivatorUtilities.CreateInstance<RenfieldWebhookClient>(
            path,
            path.GetRequiredService<IHttpClientFactory>().CreateClient(WebhookClientName),
            Options.Create(new WebhookOptions { Url = fresh.Url.ToString(), Token = "warm-up" }));
        var caller = path.GetRequiredService<ICallerIdentifier>().Identify(Callers[0].Number, Callers[0].Name, CallerPresentation.Allowed);
        await webhook.SendAsync(path.GetRequiredService<INotificationComposer>().Compose(caller), time.GetUtcNow() + TimeSpan.FromSeconds(5), cancellationToken);
    }

    private async Task RehearseCallsAsync(IServiceProvider path, CancellationToken cancellationToken)
    {
        var handlers = path.GetServices<IAmiEventHandler>().ToArray();
        var callOptions = path.GetRequiredService<IOptions<CallOptions>>().Value;

        // The copy's own announcement workers and history writer, not their methods called by hand: the first real call
        // wakes loops that wait on empty queues, and the code that resumes them is compiled here, not in that call.
        var hosted = path.GetServices<IHostedService>().ToArray();
        var workers = hosted.OfType<AnnouncementService>().Single();
        var writer = hosted.OfType<CallHistoryWriter>().Single();
        using var events = path.GetRequiredService<CallLifecycle>().Subscribe(Subscriber);
        await writer.StartAsync(cancellationToken);
        await workers.StartAsync(cancellationToken);
        try
        {
            var context = callOptions.InboundContexts[0];
            var frames = new AmiFrameReader(MaxFrameBytes);
            var scratch = new AmiFrameScratch();
            var callers = WithPhonebookContact(path.GetRequiredService<IPhonebookSource>().Current);
            for (var i = 0; i < callers.Length; i++)
            {
                var (number, name, presentation) = callers[i];
                var callId = "warm-up." + i.ToString(CultureInfo.InvariantCulture);
                Feed(ref frames, scratch, handlers, Frames(callId, context, callOptions.IdentityEvent, number, name, presentation));
                await UntilAnnouncedAsync(events, callId, cancellationToken);
                Feed(ref frames, scratch, handlers, Hangup(callId, context));
            }
        }
        finally
        {
            // The workers drain the queue, then the writer applies every stage and writes every record.
            await workers.StopAsync(cancellationToken);
            await writer.StopAsync(cancellationToken);
        }

        // The composer's other wordings and the policy on their own, for callers the loop above cannot make.
        var unknown = path.GetRequiredService<ICallerIdentifier>().Identify(null, null, CallerPresentation.Unknown);
        path.GetRequiredService<AnnouncementPolicy>().Decide(unknown, null, time.GetUtcNow());
        RenfieldJsonContext.ToUtf8(path.GetRequiredService<INotificationComposer>().Compose(unknown));

        // A traced call spells its outcome as a span tag; the suppressed calls above had no span to tag.
        _ = SnakeCaseEnumConverter<CallOutcome>.Name(CallOutcome.Announced);
    }

    // A caller from the owner's phonebook, without a caller id name, takes the phonebook's way through the lookup and
    // the composer, as most real calls do; its number stays in this process (discarding loggers, the loopback webhook).
    private static (string Number, string Name, string Presentation)[] WithPhonebookContact(Phonebook phonebook)
    {
        foreach (var (number, _) in phonebook.Entries)
        {
            return [.. Callers, (number, "", "allowed_not_screened")];
        }

        return Callers;
    }

    private static async Task UntilAnnouncedAsync(CallLifecycleSubscription events, string callId, CancellationToken cancellationToken)
    {
        while (await events.Events.WaitToReadAsync(cancellationToken))
        {
            while (events.Events.TryRead(out var callEvent))
            {
                if (callEvent is CallAnnounced announced && announced.CallId == callId)
                {
                    return;
                }
            }
        }
    }

    private static void Feed(ref AmiFrameReader frames, AmiFrameScratch scratch, IAmiEventHandler[] handlers, byte[] bytes)
    {
        var buffer = new ReadOnlySequence<byte>(bytes);
        while (frames.TryReadFrame(ref buffer, out var block))
        {
            var frame = new AmiFrame(scratch.GetContiguous(block));
            if (frame.Kind == AmiFrameKind.Event)
            {
                foreach (var handler in handlers)
                {
                    handler.OnEvent(frame);
                }
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
