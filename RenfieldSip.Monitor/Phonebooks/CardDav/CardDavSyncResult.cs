namespace RenfieldSip.Monitor.Phonebooks.CardDav;

/// <param name="Changed">False when the address book is as in the previous state; then <paramref name="Cards"/> is empty.</param>
/// <param name="State">To pass to the next sync.</param>
/// <param name="Cards">When changed: every card of the address book, ordered by href.</param>
internal sealed record CardDavSyncResult(bool Changed, CardDavSyncState State, IReadOnlyList<CardDavCard> Cards);
