using RenfieldSip.Monitor.Notification;

namespace RenfieldSip.Monitor.Lifecycle;

/// <summary>
/// The announcement is done: delivered, held back on purpose (dedup, a rule) or failed (Renfield refused it, the
/// deadline passed, the monitor failed or stopped). <see cref="Outcome"/> says which.
/// </summary>
internal sealed record CallAnnounced(string CallId, DeliveryOutcome Outcome) : CallEvent(CallId)
{
    /// <summary>Renfield took it, or answered that it had shown the same one already.</summary>
    public bool Delivered => Outcome is DeliveryOutcome.Delivered or DeliveryOutcome.DuplicateSuppressedByRenfield;
}
