namespace RenfieldSip.Monitor.Phonebooks.CardDav;

/// <summary>
/// Reads one CardDAV address book (RFC 6352) and keeps it cheap to re-read: an unchanged address book costs one
/// Depth 0 PROPFIND (getctag / sync-token); a changed one a Depth 1 PROPFIND of ETags plus an addressbook-multiget of
/// only the new or changed cards, 200 per request. Cards come back as raw vCard text. One sync at a time per
/// instance (the refresh loop's rhythm); the state between syncs is the caller's.
/// </summary>
internal sealed class CardDavClient
{
    private readonly Uri _url;
    private readonly string _source;
    private readonly CardDavTransport _transport;
    private readonly CardDavDiscovery _discovery;
    private readonly CardDavCardFetcher _fetcher;

    /// <param name="http">Sends the requests; its handler's redirect and TLS settings apply.</param>
    /// <param name="addressBookUrl">An address book, a user's principal or home, or the server root; http or https.
    /// Credentials in its user info are used when <paramref name="username"/> is not given.</param>
    /// <param name="username">For preemptive Basic auth; none when null or empty.</param>
    /// <param name="password">The (app) password.</param>
    /// <param name="timeProvider">Clock of the request timeouts.</param>
    public CardDavClient(HttpClient http, Uri addressBookUrl, string? username, string? password, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(addressBookUrl);
        if (!addressBookUrl.IsAbsoluteUri || (addressBookUrl.Scheme != Uri.UriSchemeHttp && addressBookUrl.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("The CardDAV URL must be an absolute http:// or https:// URL.", nameof(addressBookUrl));
        }

        _url = CardDavUrl.WithoutUserInfo(addressBookUrl);
        _source = $"{CardDavUrl.Display(_url)} as {CardDavUrl.UserName(addressBookUrl, username) ?? "(anonymous)"}";
        _transport = new CardDavTransport(http, _url, CardDavUrl.BasicAuthorization(addressBookUrl, username, password), timeProvider ?? TimeProvider.System);
        _discovery = new CardDavDiscovery(_transport);
        _fetcher = new CardDavCardFetcher(_transport);
    }

    /// <summary>The configured URL as it may be printed: no user info, no query.</summary>
    public string DisplayUrl => CardDavUrl.Display(_url);

    /// <summary>Bounds each request from sending to the last byte of the answer; a hung server costs at most this.</summary>
    public TimeSpan RequestTimeout
    {
        get => _transport.RequestTimeout;
        init => _transport.RequestTimeout = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    /// <summary>An answer longer than this is refused (Protocol).</summary>
    public long MaxResponseBytes
    {
        get => _transport.MaxResponseBytes;
        init => _transport.MaxResponseBytes = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    /// <summary>An address book with more cards than this is refused (Protocol) rather than held in memory.</summary>
    public int MaxCards
    {
        get => _transport.MaxResponses - 1;
        init => _transport.MaxResponses = value > 0 ? value + 1 : throw new ArgumentOutOfRangeException(nameof(value));
    }

    /// <summary>Hrefs per addressbook-multiget request.</summary>
    public int MultigetBatchSize
    {
        get => _fetcher.BatchSize;
        init => _fetcher.BatchSize = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    /// <summary>Requests sent so far, redirect hops included (for health figures and tests).</summary>
    public int RequestCount => _transport.RequestCount;

    /// <summary>
    /// Discovers the address book on first use (no <paramref name="previous"/>), then: when nothing changed since
    /// <paramref name="previous"/> (same getctag or sync-token, one Depth 0 PROPFIND), returns Changed=false and no
    /// cards; otherwise fetches what changed and returns every card.
    /// </summary>
    /// <exception cref="CardDavException">The server could not be used; its Kind says why.</exception>
    public async Task<CardDavSyncResult> SyncAsync(CardDavSyncState? previous, CancellationToken cancellationToken)
    {
        if (previous is not null && previous.Source != _source)
        {
            previous = null;
        }

        CardDavCollection collection;
        if (previous is null)
        {
            collection = await _discovery.DiscoverAsync(_url, cancellationToken);
        }
        else
        {
            collection = await ReadTokensAsync(previous.AddressBookUrl, cancellationToken);
            if (SameTokens(previous, collection))
            {
                return new CardDavSyncResult(false, previous, []);
            }
        }

        // The tokens were read before the listing: a change in between shows as a new token next time, so it is
        // fetched then rather than missed.
        var listing = await _fetcher.ListAsync(collection.Url, cancellationToken);
        if (previous is not null && collection.CTag is null && collection.SyncToken is null && SameETags(previous, listing))
        {
            return new CardDavSyncResult(false, previous, []);
        }

        var cards = await _fetcher.FetchAsync(collection.Url, listing, previous?.Cards, cancellationToken);
        var state = new CardDavSyncState(_source, collection.Url, collection.CTag, collection.SyncToken, cards);
        var ordered = cards.Values.OrderBy(c => c.Href, StringComparer.Ordinal).ToList();
        return new CardDavSyncResult(true, state, ordered);
    }

    /// <summary>The address book's tokens; where it has gone and was found through discovery, discovery again.</summary>
    private async Task<CardDavCollection> ReadTokensAsync(Uri addressBook, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await _transport.PropfindAsync(addressBook, 0, CardDavRequestBody.Collections, cancellationToken);
            var self = answer.Self;
            if (self is not { IsAddressBook: true })
            {
                throw new CardDavException(
                    CardDavFailure.NotAnAddressBook,
                    $"{CardDavTransport.Show(answer.Url)} is no longer a CardDAV address book");
            }

            return new CardDavCollection(addressBook, self.CTag, self.SyncToken);
        }
        catch (CardDavException e) when (e.Kind is CardDavFailure.NotFound or CardDavFailure.NotAnAddressBook && !CardDavHref.SameCollection(addressBook, _url))
        {
            return await _discovery.DiscoverAsync(_url, cancellationToken);
        }
    }

    /// <summary>
    /// Unchanged when every token both syncs have is equal and there is at least one: a server offering both is
    /// believed only when both agree.
    /// </summary>
    private static bool SameTokens(CardDavSyncState previous, CardDavCollection now)
    {
        var compared = 0;
        if (previous.CTag is not null && now.CTag is not null)
        {
            if (previous.CTag != now.CTag)
            {
                return false;
            }

            compared++;
        }

        if (previous.SyncToken is not null && now.SyncToken is not null)
        {
            if (previous.SyncToken != now.SyncToken)
            {
                return false;
            }

            compared++;
        }

        return compared > 0 && CardDavHref.SameCollection(previous.AddressBookUrl, now.Url);
    }

    private static bool SameETags(CardDavSyncState previous, Dictionary<string, CardDavListedCard> listing) =>
        listing.Count == previous.Cards.Count
        && listing.All(entry => entry.Value.ETag is not null
            && previous.Cards.TryGetValue(entry.Key, out var card)
            && string.Equals(card.ETag, entry.Value.ETag, StringComparison.Ordinal));
}
