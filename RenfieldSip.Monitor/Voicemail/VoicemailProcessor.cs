using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.Dedup;
using RenfieldSip.Monitor.History;
using RenfieldSip.Monitor.Notification;
using RenfieldSip.Monitor.Rules;
using RenfieldSip.Monitor.Text;

namespace RenfieldSip.Monitor.Voicemail;

/// <summary>
/// One message's way from "the call hung up" to Renfield: measure the file, wait for the call's own record (so the
/// message is announced after the call, never instead of it), keep it, apply the call's rule and dedup, transcribe
/// when asked, announce.
/// </summary>
internal sealed class VoicemailProcessor(
    VoicemailIndex index,
    VoicemailHealth health,
    CallHistoryStore history,
    IDedupStore dedup,
    VoicemailNotificationComposer composer,
    IRenfieldWebhook webhook,
    IVoicemailTranscriber transcriber,
    VoicemailFiles files,
    IOptions<VoicemailOptions> options,
    IOptions<WebhookOptions> webhookOptions,
    TimeProvider time,
    ILogger<VoicemailProcessor> logger)
{
    // The record is written once the call's announcement is done; that is bounded by the webhook deadline.
    private static readonly TimeSpan RecordPoll = TimeSpan.FromMilliseconds(250);

    private readonly VoicemailOptions _options = options.Value;
    private readonly TimeSpan _deadline = webhookOptions.Value.Deadline;

    public async Task ProcessAsync(VoicemailArrival arrival, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arrival);
        var path = files.PathOf(arrival.File);
        TimeSpan length;
        var readable = WavLength.TryRead(path, out var measured, out var problem);
        if (readable)
        {
            length = measured;
            health.FileRead();
        }
        else
        {
            length = TimeSpan.FromMilliseconds(arrival.ReportedMilliseconds ?? 0);
            health.FileUnreadable(arrival.File, problem!);
            Log.FileUnreadable(logger, arrival.CallId, arrival.File, problem!);
        }

        var removed = index.Add(new VoicemailMessage(arrival.CallId, arrival.File, length, time.GetUtcNow()));
        files.Delete(removed, "retention");

        var call = await WaitForRecordAsync(arrival.CallId, cancellationToken);
        if (call is not null)
        {
            // Kept with the message, so erasing the caller and the assistant's answers find it after the history moved on.
            index.Update(arrival.CallId, m => m with { CallerName = call.SpokenName, CallerNumber = call.Withheld ? null : call.CallerNumber, Withheld = call.Withheld });
        }

        if (call is { Outcome: CallOutcome.BlockedByRule })
        {
            // A blocked caller's (or a silenced quiet-hours call's) message is kept and listed, never announced.
            index.Update(arrival.CallId, m => m with { Announcement = VoicemailAnnouncement.BlockedByRule });
            Log.NotAnnounced(logger, arrival.CallId, call.Rule is { } rule ? SnakeCaseEnumConverter<DecidingRule>.Name(rule) : "rule");
            return;
        }

        if (!await dedup.TryClaimAsync("voicemail:" + arrival.CallId, cancellationToken))
        {
            index.Update(arrival.CallId, m => m with { Announcement = VoicemailAnnouncement.SuppressedByDedup });
            Log.NotAnnounced(logger, arrival.CallId, "already announced by another monitor");
            return;
        }

        string? transcript = null;
        if (_options.Transcribe && readable)
        {
            transcript = await transcriber.TranscribeAsync(arrival.CallId, path, cancellationToken);
            index.Update(arrival.CallId, m => m with { Transcript = transcript });
        }

        // A toast-only call (a rule, quiet hours without silence) leaves a toast-only message.
        var notification = composer.Compose(call, length, transcript, spoken: call?.Spoken != false);
        var outcome = await webhook.SendAsync(notification, time.GetUtcNow() + _deadline, cancellationToken);
        var announcement = OutcomeMapping.OfMessage(outcome);
        index.Update(arrival.CallId, m => m with { Announcement = announcement });
        var seconds = Math.Round(length.TotalSeconds, 2);
        var name = SnakeCaseEnumConverter<VoicemailAnnouncement>.Name(announcement);
        Log.Announced(logger, arrival.CallId, seconds, name);
    }

    private async Task<CallRecord?> WaitForRecordAsync(string callId, CancellationToken cancellationToken)
    {
        var wait = _deadline + TimeSpan.FromSeconds(5);
        var giveUp = time.GetUtcNow() + wait;
        while (true)
        {
            var page = await history.ReadAsync(CallQuery.Latest, cancellationToken);
            if (page.Calls.FirstOrDefault(c => c.CallId == callId) is { } record)
            {
                return record;
            }

            if (time.GetUtcNow() >= giveUp)
            {
                Log.RecordMissing(logger, callId, wait);
                return null;
            }

            await Task.Delay(RecordPoll, time, cancellationToken);
        }
    }
}
