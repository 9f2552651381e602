namespace RenfieldSip.Monitor.Phonebooks.CardDav;

/// <param name="Url">The URL that answered, after redirects: hrefs resolve against it.</param>
/// <param name="Resources">The multistatus responses in the server's order.</param>
internal sealed record CardDavAnswer(Uri Url, IReadOnlyList<CardDavResource> Resources)
{
    /// <summary>The response about <see cref="Url"/> itself (Depth 0 answers have just that one).</summary>
    public CardDavResource? Self =>
        Resources.FirstOrDefault(r => CardDavHref.Resolve(Url, r.Href) is { } href && CardDavHref.SameCollection(href, Url))
        ?? (Resources.Count == 1 ? Resources[0] : null);
}
