namespace RenfieldSip.Monitor.Phonebooks.CardDav;

/// <summary>
/// Lists the address book's cards with their ETags and fetches the texts of the new and changed ones by
/// addressbook-multiget, reusing the cached texts of the rest. Where a server refuses multiget (4xx other than auth and
/// 404, or 501), one addressbook-query fetches every card instead.
/// </summary>
internal sealed class CardDavCardFetcher(CardDavTransport transport)
{
    public int BatchSize { get; set; } = 200;

    /// <summary>The cards of the address book by <see cref="CardDavHref.Key"/>, without their texts.</summary>
    public async Task<Dictionary<string, CardDavListedCard>> ListAsync(Uri addressBook, CancellationToken cancellationToken)
    {
        var answer = await transport.PropfindAsync(addressBook, 1, CardDavRequestBody.ETags, cancellationToken);
        var listing = new Dictionary<string, CardDavListedCard>(StringComparer.Ordinal);
        foreach (var resource in answer.Resources)
        {
            // The address book itself, and any sub-collection, are not cards.
            if (!resource.IsSuccess || resource.IsCollection || CardDavHref.Resolve(answer.Url, resource.Href) is not { } href
                || CardDavHref.SameCollection(href, addressBook))
            {
                continue;
            }

            listing[CardDavHref.Key(href)] = new CardDavListedCard(href.AbsolutePath, resource.ETag);
        }

        return listing;
    }

    public async Task<Dictionary<string, CardDavCard>> FetchAsync(
        Uri addressBook,
        IReadOnlyDictionary<string, CardDavListedCard> listing,
        IReadOnlyDictionary<string, CardDavCard>? cached,
        CancellationToken cancellationToken)
    {
        var cards = new Dictionary<string, CardDavCard>(StringComparer.Ordinal);
        var wanted = new List<KeyValuePair<string, CardDavListedCard>>();
        foreach (var entry in listing)
        {
            // Without an ETag there is no telling whether the cached text is current.
            if (entry.Value.ETag is not null && cached is not null && cached.TryGetValue(entry.Key, out var card)
                && string.Equals(card.ETag, entry.Value.ETag, StringComparison.Ordinal))
            {
                cards[entry.Key] = card;
            }
            else
            {
                wanted.Add(entry);
            }
        }

        try
        {
            foreach (var batch in wanted.Chunk(BatchSize))
            {
                await MultigetAsync(addressBook, batch, cards, cancellationToken);
            }
        }
        catch (CardDavException e) when (e.Kind == CardDavFailure.Protocol && e.StatusCode is (>= 400 and < 500) or 501)
        {
            return await QueryAllAsync(addressBook, cancellationToken);
        }

        return cards;
    }

    private async Task MultigetAsync(
        Uri addressBook, KeyValuePair<string, CardDavListedCard>[] batch, Dictionary<string, CardDavCard> cards, CancellationToken cancellationToken)
    {
        var requested = batch.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        var answer = await transport.ReportAsync(addressBook, CardDavRequestBody.Multiget(batch.Select(e => e.Value.Href)), cancellationToken);
        foreach (var resource in answer.Resources)
        {
            // A card deleted since the listing answers 404 and drops out; the server cannot add cards we did not ask for.
            if (resource is not { IsSuccess: true, AddressData: { } text } || CardDavHref.Resolve(answer.Url, resource.Href) is not { } href
                || !requested.TryGetValue(CardDavHref.Key(href), out var listed))
            {
                continue;
            }

            cards[CardDavHref.Key(href)] = new CardDavCard(listed.Href, resource.ETag ?? listed.ETag, text);
        }
    }

    private async Task<Dictionary<string, CardDavCard>> QueryAllAsync(Uri addressBook, CancellationToken cancellationToken)
    {
        var answer = await transport.ReportAsync(addressBook, CardDavRequestBody.QueryAll, cancellationToken);
        var cards = new Dictionary<string, CardDavCard>(StringComparer.Ordinal);
        foreach (var resource in answer.Resources)
        {
            if (resource is { IsSuccess: true, AddressData: { } text } && CardDavHref.Resolve(answer.Url, resource.Href) is { } href)
            {
                cards[CardDavHref.Key(href)] = new CardDavCard(href.AbsolutePath, resource.ETag, text);
            }
        }

        return cards;
    }
}
