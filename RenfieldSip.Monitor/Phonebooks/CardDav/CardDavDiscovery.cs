namespace RenfieldSip.Monitor.Phonebooks.CardDav;

/// <summary>
/// Finds the address book from the URL a user pastes: the address book itself (Nextcloud
/// <c>/remote.php/dav/addressbooks/users/max/contacts/</c>, Radicale <c>/max/&lt;uuid&gt;/</c>, Baïkal
/// <c>/dav.php/addressbooks/max/default/</c>), the user's principal or home, or the server root. From a principal or
/// root it takes the first address book of the user's home, by path (Nextcloud's "contacts" sorts before its
/// generated "z-app-generated--…" books). Any resource that names the user's principal leads there, whatever its own type.
/// </summary>
internal sealed class CardDavDiscovery(CardDavTransport transport)
{
    public async Task<CardDavCollection> DiscoverAsync(Uri url, CancellationToken cancellationToken)
    {
        CardDavAnswer answer;
        try
        {
            answer = await transport.PropfindAsync(url, 0, CardDavRequestBody.Discover, cancellationToken);
        }
        catch (CardDavException e) when (IsRoot(url) && e.Kind is CardDavFailure.NotFound or CardDavFailure.Protocol)
        {
            // A root that does not speak WebDAV (a web server in front of the DAV server): RFC 6764 §5.
            return await ViaWellKnownAsync(url, e, cancellationToken);
        }

        var self = answer.Self ?? throw NoAnswerAbout(answer.Url);
        if (self.IsAddressBook)
        {
            return new CardDavCollection(CardDavHref.Resolve(answer.Url, self.Href) ?? answer.Url, self.CTag, self.SyncToken);
        }

        // A calendar or a single card pasted by mistake: following the principal from there would silently pick
        // some address book the user did not name. Any other resource that names the user's principal or home leads
        // on (RFC 5397, RFC 6764 §6): some servers answer at their root with an empty resourcetype and the principal.
        var namesTheWay = self.CurrentUserPrincipal is not null || self.AddressBookHomeSet is not null;
        if (self.IsOtherKind || self.IsCardOrEvent || !(self.IsCollection || self.IsPrincipal || namesTheWay))
        {
            throw new CardDavException(
                CardDavFailure.NotAnAddressBook,
                $"{CardDavTransport.Show(answer.Url)} is not a CardDAV address book ({(self.IsCollection ? "it is a calendar or another kind of collection" : "it is a single file")}): "
                + "use the address book's URL, the user's principal URL or the server's root URL");
        }

        var home = self.AddressBookHomeSet is { } homeHref ? CardDavHref.Resolve(answer.Url, homeHref) : null;
        if (home is null && self.CurrentUserPrincipal is { } principalHref && CardDavHref.Resolve(answer.Url, principalHref) is { } principal)
        {
            var principalAnswer = await transport.PropfindAsync(principal, 0, CardDavRequestBody.Discover, cancellationToken);
            if (principalAnswer.Self?.AddressBookHomeSet is { } principalHome)
            {
                home = CardDavHref.Resolve(principalAnswer.Url, principalHome);
            }
        }

        if (home is null)
        {
            if (IsRoot(url) && !IsWellKnown(answer.Url))
            {
                return await ViaWellKnownAsync(url, null, cancellationToken);
            }

            throw new CardDavException(
                CardDavFailure.NotAnAddressBook,
                $"{CardDavTransport.Show(answer.Url)} is not a CardDAV address book and names no address book home for this user: use the address book's URL");
        }

        return await FirstAddressBookAsync(home, cancellationToken);
    }

    private async Task<CardDavCollection> FirstAddressBookAsync(Uri home, CancellationToken cancellationToken)
    {
        var listing = await transport.PropfindAsync(home, 1, CardDavRequestBody.Collections, cancellationToken);
        var first = listing.Resources
            .Where(r => r.IsSuccess && r.IsAddressBook)
            .Select(r => (Url: CardDavHref.Resolve(listing.Url, r.Href), Resource: r))
            .Where(r => r.Url is not null)
            .OrderBy(r => r.Url!.AbsolutePath, StringComparer.Ordinal)
            .FirstOrDefault();
        return first.Url is { } url
            ? new CardDavCollection(url, first.Resource.CTag, first.Resource.SyncToken)
            : throw new CardDavException(
                CardDavFailure.NotAnAddressBook,
                $"The address book home {CardDavTransport.Show(listing.Url)} holds no address book: create one, or use the address book's URL");
    }

    private async Task<CardDavCollection> ViaWellKnownAsync(Uri root, CardDavException? rootFailure, CancellationToken cancellationToken)
    {
        var wellKnown = new Uri(root, "/.well-known/carddav");
        try
        {
            return await DiscoverAsync(wellKnown, cancellationToken);
        }
        catch (CardDavException e) when (rootFailure is not null && e.Kind is CardDavFailure.NotFound or CardDavFailure.Protocol)
        {
            // Neither the root nor the well-known URL speaks CardDAV: the root's failure is the one to report.
            throw new CardDavException(rootFailure.Kind, rootFailure.Message, rootFailure, rootFailure.StatusCode);
        }
    }

    private static bool IsRoot(Uri url) => url.AbsolutePath is "/" or "";

    private static bool IsWellKnown(Uri url) => url.AbsolutePath.StartsWith("/.well-known/", StringComparison.OrdinalIgnoreCase);

    private static CardDavException NoAnswerAbout(Uri url) =>
        new(CardDavFailure.Protocol, $"CardDAV server {CardDavTransport.Show(url)} answered PROPFIND without a response about that URL");
}
