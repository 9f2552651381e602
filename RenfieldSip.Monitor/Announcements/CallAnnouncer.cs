using System.Diagnostics;
using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.Dedup;
using RenfieldSip.Monitor.Identity;
using RenfieldSip.Monitor.Lifecycle;
using RenfieldSip.Monitor.Notification;
using RenfieldSip.Monitor.Rules;
using RenfieldSip.Monitor.Telemetry;
using RenfieldSip.Monitor.Text;

namespace RenfieldSip.Monitor.Announcements;

/// <summary>One call's way from "identity settled" to Renfield: lookup, dedup, compose, deliver, measure.</summary>
internal sealed class CallAnnouncer(
    ICallerIdentifier identifier,
    AnnouncementPolicy policy,
    IDedupStore dedup,
    DedupKeyHasher dedupKeys,
    INotificationComposer composer,
    IRenfieldWebhook webhook,
    CallLifecycle lifecycle,
    MonitorTelemetry telemetry,
    CallerNumberRedactor redactor,
    IOptions<WebhookOptions> webhookOptions,
    IOptions<DedupOptions> dedupOptions,
    TimeProvider time,
    ILogger<CallAnnouncer> logger)
{
    private readonly TimeSpan _deadline = webhookOptions.Value.Deadline;
    private readonly TimeSpan _window = dedupOptions.Value.Window;

    public Task<DeliveryOutcome> AnnounceAsync(IncomingCall call, CancellationToken cancellationToken) =>
        AnnounceAsync(call, caller: null, dedupPerCall: false, cancellationToken);

    /// <param name="call">The call.</param>
    /// <param name="caller">An identity decided elsewhere (the test call); null to identify the call's caller id.</param>
    /// <param name="dedupPerCall">Claim the call rather than the caller (the test call: every press is announced).</param>
    /// <param name="cancellationToken">Shutdown.</param>
    public async Task<DeliveryOutcome> AnnounceAsync(IncomingCall call, CallerIdentity? caller, bool dedupPerCall, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        using var activity = telemetry.ActivitySource.StartActivity(
            "announce call", ActivityKind.Internal, call.Activity?.Context ?? default);
        activity?.SetTag("renfieldsip.call.id", call.CallId);
        try
        {
            var outcome = await AnnounceCoreAsync(call, caller, dedupPerCall, activity, cancellationToken);
            activity?.SetTag("renfieldsip.outcome", outcome.ToString());
            return Published(call, outcome);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            activity?.SetTag("renfieldsip.outcome", nameof(DeliveryOutcome.Cancelled));
            return Published(call, DeliveryOutcome.Cancelled);
        }
        catch (Exception exception)
        {
            activity?.AddException(exception);
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            call.Activity?.SetStatus(ActivityStatusCode.Error, "Announcement failed");
            telemetry.CallsFailed.Add(1, new KeyValuePair<string, object?>("outcome", nameof(DeliveryOutcome.Failed)));
            Log.AnnouncementCrashed(logger, exception, call.CallId);
            return Published(call, DeliveryOutcome.Failed);
        }
    }

    internal static string DedupKey(IncomingCall call, CallerIdentity caller, bool perCall = false) =>
        perCall ? "call:" + call.CallId : caller.Kind switch
        {
            // Withheld and unknown callers are not one person: each call is its own (per call, not lumped together).
            CallerKind.Withheld or CallerKind.Unknown => "call:" + call.CallId,
            _ => "caller:" + (caller.E164 ?? caller.DisplayNumber ?? call.CallId),
        };

    private DeliveryOutcome Published(IncomingCall call, DeliveryOutcome outcome)
    {
        lifecycle.Publish(new CallAnnounced(call.CallId, outcome));
        return outcome;
    }

    private async Task<DeliveryOutcome> AnnounceCoreAsync(IncomingCall call, CallerIdentity? caller, bool dedupPerCall, Activity? activity, CancellationToken cancellationToken)
    {
        caller ??= identifier.Identify(call.CallerNumber, call.CallerName, call.Presentation);
        activity?.SetTag("renfieldsip.caller.kind", caller.Kind.ToString());
        activity?.SetTag("renfieldsip.caller.source", caller.Contact?.Source);
        lifecycle.Publish(new CallIdentified(call.CallId, caller));

        var decision = policy.Decide(caller, call.Did, call.DetectedAt);
        var ruleName = decision.Rule is { } rule ? SnakeCaseEnumConverter<DecidingRule>.Name(rule) : null;
        if (ruleName is not null)
        {
            activity?.SetTag("renfieldsip.rule", ruleName);
            activity?.SetTag("renfieldsip.rule.action", decision.Action == RuleAction.Silent ? "silent" : "toast");
        }

        if (decision.Action == RuleAction.Silent)
        {
            telemetry.CallsSuppressed.Add(1, new KeyValuePair<string, object?>("reason", ruleName));
            Log.SilencedByRule(logger, call.CallId, Shown(caller), ruleName!);
            lifecycle.Publish(new CallDecided(call.CallId, decision.Rule, Spoken: false));
            return decision.Rule == DecidingRule.Blocked ? DeliveryOutcome.SuppressedByBlocklist : DeliveryOutcome.SuppressedByQuietHours;
        }

        if (!await dedup.TryClaimAsync(dedupKeys.Hash(DedupKey(call, caller, dedupPerCall)), cancellationToken))
        {
            telemetry.CallsSuppressed.Add(1, new KeyValuePair<string, object?>("reason", "dedup"));
            Log.Suppressed(logger, call.CallId, Shown(caller), _window);
            return DeliveryOutcome.SuppressedByDedup;
        }

        var notification = Apply(decision, composer.Compose(caller));
        if (decision.Action == RuleAction.ToastOnly)
        {
            Log.ToastOnlyByRule(logger, call.CallId, Shown(caller), ruleName!);
        }

        lifecycle.Publish(new CallDecided(call.CallId, decision.Rule, notification.Tts));

        var deadline = call.DetectedAt + _deadline;
        var outcome = await webhook.SendAsync(notification, deadline, cancellationToken);
        var tag = new KeyValuePair<string, object?>("outcome", outcome.ToString());
        if (outcome is DeliveryOutcome.Delivered or DeliveryOutcome.DuplicateSuppressedByRenfield)
        {
            var latency = time.GetUtcNow() - call.DetectedAt;
            telemetry.CallsNotified.Add(1, tag);
            telemetry.NotifyLatency.Record(latency.TotalSeconds, tag);
            Log.Announced(logger, call.CallId, outcome.ToString(), Math.Round(latency.TotalMilliseconds, 3));
        }
        else
        {
            telemetry.CallsFailed.Add(1, tag);
            activity?.SetStatus(ActivityStatusCode.Error, outcome.ToString());
            call.Activity?.SetStatus(ActivityStatusCode.Error, "Not announced: " + outcome);
            Log.AnnouncementFailed(logger, call.CallId, outcome.ToString());
        }

        return outcome;
    }

    private static RenfieldNotification Apply(AnnouncementDecision decision, RenfieldNotification notification) => notification with
    {
        Tts = notification.Tts && decision.Action != RuleAction.ToastOnly,
        Room = decision.Room ?? notification.Room,
        Urgency = decision.Urgency ?? notification.Urgency,
    };

    private string Shown(CallerIdentity caller) =>
        caller.Kind == CallerKind.Withheld ? "withheld" : redactor.Redact(caller.E164 ?? caller.DisplayNumber);
}
