namespace RenfieldSip.Monitor.Rules;

/// <summary>What the call rules say about one call.</summary>
/// <param name="Action">Null: announce normally; otherwise silent or toast only.</param>
/// <param name="Rule">The rule that decided; null when none did.</param>
/// <param name="Room">The called number's room; null keeps <c>Webhook:Room</c>.</param>
/// <param name="Urgency">The called number's urgency; null keeps <c>Webhook:Urgency</c>.</param>
internal sealed record AnnouncementDecision(RuleAction? Action, DecidingRule? Rule, string? Room, string? Urgency)
{
    public static AnnouncementDecision Normal { get; } = new(null, null, null, null);
}
