namespace RenfieldSip.Monitor.Rules;

/// <summary>How calls to one of the household's numbers are announced (the <c>rules.numbers</c> section).</summary>
/// <param name="Room">Renfield room; null keeps <c>Webhook:Room</c>.</param>
/// <param name="Urgency">Renfield urgency; null keeps <c>Webhook:Urgency</c>.</param>
internal sealed record DidRule(string? Room, string? Urgency);
