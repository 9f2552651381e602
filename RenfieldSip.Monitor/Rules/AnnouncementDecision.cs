using RenfieldSip.Monitor.Identity;

namespace RenfieldSip.Monitor.Rules;

/// <summary>What the call rules say about one call.</summary>
/// <param name="Action">Null: announce normally; otherwise silent or toast only.</param>
/// <param name="Rule">The rule that decided (<c>blocked</c>, <c>quiet_hours</c>); null when none did.</param>
/// <param name="Room">The called number's room; null keeps <c>Webhook:Room</c>.</param>
/// <param name="Urgency">The called number's urgency; null keeps <c>Webhook:Urgency</c>.</param>
internal sealed record AnnouncementDecision(RuleAction? Action, string? Rule, string? Room, string? Urgency)
{
    public const string Blocked = "blocked";
    public const string QuietHours = "quiet_hours";

    public static AnnouncementDecision Normal { get; } = new(null, null, null, null);
}
