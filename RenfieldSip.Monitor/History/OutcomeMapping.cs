using RenfieldSip.Monitor.Notification;

namespace RenfieldSip.Monitor.History;

/// <summary>An announcement's delivery outcome in the history's words, and what Renfield answered, if it was asked.</summary>
internal static class OutcomeMapping
{
    // Exhaustive on purpose: a new delivery outcome does not compile (CS8509) until the history knows what it means.
    // Only CS8524 (a number cast to the enum that names no member) is silenced: no code makes one.
#pragma warning disable CS8524
    public static (CallOutcome Outcome, RenfieldStatus? RenfieldStatus) From(DeliveryOutcome delivery) => delivery switch
    {
        DeliveryOutcome.Delivered => (CallOutcome.Announced, RenfieldStatus.Delivered),
        DeliveryOutcome.DuplicateSuppressedByRenfield => (CallOutcome.Announced, RenfieldStatus.DuplicateSuppressedByRenfield),
        DeliveryOutcome.SuppressedByDedup => (CallOutcome.SuppressedByDedup, null),
        DeliveryOutcome.SuppressedByBlocklist => (CallOutcome.BlockedByRule, null),
        DeliveryOutcome.SuppressedByQuietHours => (CallOutcome.BlockedByRule, null),
        DeliveryOutcome.Unauthorized => (CallOutcome.RefusedByRenfield, RenfieldStatus.Unauthorized),
        DeliveryOutcome.Disabled => (CallOutcome.RefusedByRenfield, RenfieldStatus.Disabled),
        DeliveryOutcome.Rejected => (CallOutcome.RefusedByRenfield, RenfieldStatus.Rejected),
        DeliveryOutcome.DeadlineExceeded => (CallOutcome.DeadlineExceeded, null),
        DeliveryOutcome.Cancelled => (CallOutcome.Failed, null),
        DeliveryOutcome.Failed => (CallOutcome.Failed, null),
    };

    /// <summary>A message's own announcement (<see cref="IRenfieldWebhook.SendAsync"/>'s answer) as the call list shows it.</summary>
    public static VoicemailAnnouncement OfMessage(DeliveryOutcome delivery) => delivery switch
    {
        DeliveryOutcome.Delivered => VoicemailAnnouncement.Delivered,
        DeliveryOutcome.DuplicateSuppressedByRenfield => VoicemailAnnouncement.DuplicateSuppressedByRenfield,
        DeliveryOutcome.SuppressedByDedup => VoicemailAnnouncement.SuppressedByDedup,
        DeliveryOutcome.SuppressedByBlocklist => VoicemailAnnouncement.BlockedByRule,
        DeliveryOutcome.SuppressedByQuietHours => VoicemailAnnouncement.BlockedByRule,
        DeliveryOutcome.Unauthorized => VoicemailAnnouncement.Unauthorized,
        DeliveryOutcome.Disabled => VoicemailAnnouncement.Disabled,
        DeliveryOutcome.Rejected => VoicemailAnnouncement.Rejected,
        DeliveryOutcome.DeadlineExceeded => VoicemailAnnouncement.DeadlineExceeded,
        DeliveryOutcome.Cancelled => VoicemailAnnouncement.Cancelled,
        DeliveryOutcome.Failed => VoicemailAnnouncement.Failed,
    };
#pragma warning restore CS8524
}
