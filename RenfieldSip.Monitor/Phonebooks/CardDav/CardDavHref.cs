namespace RenfieldSip.Monitor.Phonebooks.CardDav;

/// <summary>
/// Hrefs come as absolute paths or absolute URLs, percent-encoded or not (RFC 4918 §8.3), and servers behind a
/// proxy may name an internal host in them: an href is taken by its path on the server that answered, and compared
/// by its unescaped path.
/// </summary>
internal static class CardDavHref
{
    /// <summary>The href's path on the origin of <paramref name="answeredBy"/>; null when it is not an http(s) reference.</summary>
    public static Uri? Resolve(Uri answeredBy, string href)
    {
        if (string.IsNullOrWhiteSpace(href) || !Uri.TryCreate(answeredBy, href.Trim(), out var resolved)
            || (resolved.Scheme != Uri.UriSchemeHttp && resolved.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        return new Uri(answeredBy, resolved.AbsolutePath);
    }

    /// <summary>The comparison key: the unescaped path, so "/a%20b.vcf" and "/a b.vcf" are one card.</summary>
    public static string Key(Uri url) => Uri.UnescapeDataString(url.AbsolutePath);

    /// <summary>Two URLs name the same collection, with or without the trailing slash.</summary>
    public static bool SameCollection(Uri a, Uri b) =>
        string.Equals(Key(a).TrimEnd('/'), Key(b).TrimEnd('/'), StringComparison.Ordinal);
}
