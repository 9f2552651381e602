using RenfieldSip.Monitor.Notification;

namespace RenfieldSip.Monitor.History;

/// <summary>An announcement's delivery outcome in the history's words, and what Renfield answered, if it was asked.</summary>
internal static class OutcomeMapping
{
    // Exhaustive on purpose: a new delivery outcome does not compile (CS8509) until the history knows what it means.
    // Only CS8524 (a number cast to the enum that names no member) is silenced: no code makes one.
#pragma warning disable CS8524
    public static (CallOutcome Outcome, string? RenfieldStatus) From(DeliveryOutcome delivery) => delivery switch
    {
        DeliveryOutcome.Delivered => (CallOutcome.Announced, StatusOf(delivery)),
        DeliveryOutcome.DuplicateSuppressedByRenfield => (CallOutcome.Announced, StatusOf(delivery)),
        DeliveryOutcome.SuppressedByDedup => (CallOutcome.SuppressedByDedup, null),
        DeliveryOutcome.SuppressedByBlocklist => (CallOutcome.BlockedByRule, null),
        DeliveryOutcome.SuppressedByQuietHours => (CallOutcome.BlockedByRule, null),
        DeliveryOutcome.Unauthorized => (CallOutcome.RefusedByRenfield, StatusOf(delivery)),
        DeliveryOutcome.Disabled => (CallOutcome.RefusedByRenfield, StatusOf(delivery)),
        DeliveryOutcome.Rejected => (CallOutcome.RefusedByRenfield, StatusOf(delivery)),
        DeliveryOutcome.DeadlineExceeded => (CallOutcome.DeadlineExceeded, null),
        DeliveryOutcome.Cancelled => (CallOutcome.Failed, null),
        DeliveryOutcome.Failed => (CallOutcome.Failed, null),
    };
#pragma warning restore CS8524

    private static string StatusOf(DeliveryOutcome delivery) => SnakeCaseEnumConverter<DeliveryOutcome>.Name(delivery);
}
