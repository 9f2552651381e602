namespace RenfieldSip.Monitor.Phonebooks.CardDav;

/// <summary>An address book and its change tokens as one PROPFIND reported them.</summary>
internal sealed record CardDavCollection(Uri Url, string? CTag, string? SyncToken);
