using System.Net.Http.Headers;
using System.Text;

namespace RenfieldSip.Monitor.Phonebooks.CardDav;

/// <summary>The configured URL split into what is requested, what is printed and the credentials it may carry.</summary>
internal static class CardDavUrl
{
    /// <summary>Scheme, host, port and path: user info and query may carry credentials and are never printed.</summary>
    public static string Display(Uri url) => url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);

    /// <summary>The URL to request: without user info (credentials go in the Authorization header), query kept.</summary>
    public static Uri WithoutUserInfo(Uri url) =>
        url.UserInfo.Length == 0 ? url : new UriBuilder(url) { UserName = string.Empty, Password = string.Empty }.Uri;

    /// <summary>
    /// Preemptive Basic: home servers (Radicale, Baïkal, Nextcloud with an app password) all take it, and it saves the
    /// 401 round trip per request. Explicit credentials win over those in the URL's user info.
    /// </summary>
    public static AuthenticationHeaderValue? BasicAuthorization(Uri url, string? username, string? password)
    {
        if (string.IsNullOrEmpty(username) && url.UserInfo.Length > 0)
        {
            var userInfo = url.UserInfo;
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            username = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
            password ??= colon < 0 ? null : Uri.UnescapeDataString(userInfo[(colon + 1)..]);
        }

        if (string.IsNullOrEmpty(username))
        {
            return null;
        }

        return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));
    }

    /// <summary>The user name the credentials are for (not secret; it tells states of two accounts apart).</summary>
    public static string? UserName(Uri url, string? username)
    {
        if (!string.IsNullOrEmpty(username) || url.UserInfo.Length == 0)
        {
            return username;
        }

        var colon = url.UserInfo.IndexOf(':', StringComparison.Ordinal);
        return Uri.UnescapeDataString(colon < 0 ? url.UserInfo : url.UserInfo[..colon]);
    }
}
