namespace RenfieldSip.Monitor.Phonebooks.CardDav;

/// <summary>
/// What one sync learnt, for the next one to ask only what changed. Opaque to the caller; kept in memory only (it
/// holds every card's text).
/// </summary>
/// <param name="Source">The configured URL (printable form) and user name it came from; a state of another source is ignored.</param>
/// <param name="AddressBookUrl">The address book that discovery resolved, so later syncs skip discovery.</param>
/// <param name="CTag">CS:getctag of the address book when the cards were listed; null when the server has none.</param>
/// <param name="SyncToken">DAV:sync-token likewise.</param>
/// <param name="Cards">The cards by normalised href (<see cref="CardDavHref.Key"/>), with their ETags.</param>
internal sealed record CardDavSyncState(
    string Source,
    Uri AddressBookUrl,
    string? CTag,
    string? SyncToken,
    IReadOnlyDictionary<string, CardDavCard> Cards);
