namespace RenfieldSip.Monitor.Identity;

/// <summary>Who is calling, as far as the phonebook and the caller id tell. All text is already made safe to show.</summary>
/// <param name="Kind">How much is known.</param>
/// <param name="Name">Phonebook name or network display name; null for <see cref="CallerKind.NumberOnly"/>, withheld and unknown.</param>
/// <param name="DisplayNumber">The number formatted for people (<c>+49 170 1234567</c>); null when withheld or unknown.</param>
/// <param name="E164">The number in E.164 (<c>+491701234567</c>) when it parses; the dedup key uses it.</param>
/// <param name="Contact">The phonebook entry for <see cref="CallerKind.Contact"/>: its source and groups.</param>
internal sealed record CallerIdentity(CallerKind Kind, string? Name, string? DisplayNumber, string? E164, PhonebookContact? Contact = null);
