namespace RenfieldSip.Monitor.Phonebooks.CardDav;

/// <summary>A card as the Depth 1 PROPFIND lists it: where it is and its ETag, no text yet.</summary>
internal sealed record CardDavListedCard(string Href, string? ETag);
