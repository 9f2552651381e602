namespace RenfieldSip.Monitor.Phonebooks.CardDav;

/// <param name="Href">The card's path on the server, percent-encoded as the server listed it.</param>
/// <param name="ETag">The server's entity tag, quotes included; null when the server gives none.</param>
/// <param name="VCardText">The vCard exactly as the server sent it; parsing is the caller's business.</param>
internal sealed record CardDavCard(string Href, string? ETag, string VCardText);
