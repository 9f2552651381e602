namespace RenfieldSip.Monitor.Phonebooks;

/// <summary>A source URL as it may be shown: no user info (<c>user:password@</c>), no query.</summary>
internal static class PhonebookSourceUrl
{
    public static string Safe(string url) =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)
            : "(not a URL)";
}
