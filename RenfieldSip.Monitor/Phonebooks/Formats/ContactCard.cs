namespace RenfieldSip.Monitor.Phonebooks.Formats;

/// <summary>
/// One contact as the source wrote it. Nothing is sanitized or normalized here: the phonebook decides what is a
/// usable name and number, and names the source and <paramref name="Line"/> when it skips one.
/// </summary>
/// <param name="Name">The display name; null when the card has none.</param>
/// <param name="Numbers">Every phone number value, trimmed, in source order.</param>
/// <param name="Groups">vCard CATEGORIES, or "Wichtig" for a Fritz!Box important person; empty otherwise.</param>
/// <param name="Line">1-based line where the card or <c>&lt;contact&gt;</c> starts.</param>
internal sealed record ContactCard(string? Name, IReadOnlyList<string> Numbers, IReadOnlyList<string> Groups, int Line);
