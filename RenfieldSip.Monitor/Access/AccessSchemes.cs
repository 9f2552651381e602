namespace RenfieldSip.Monitor.Access;

/// <summary>The two ways in, and the policies that name them: an API never accepts the page's cookie.</summary>
internal static class AccessSchemes
{
    /// <summary><c>Authorization: Bearer &lt;MONITOR_TOKEN&gt;</c>: scripts, Renfield, the dashboard's command.</summary>
    public const string Bearer = "Bearer";

    /// <summary>The page's cookie, set by the login form.</summary>
    public const string Session = "Session";

    public const string ApiPolicy = "api";
    public const string PagePolicy = "page";

    /// <summary>The page and everything below it: where the session cookie is sent.</summary>
    public const string PagePath = "/calls";

    public const string LoginPath = PagePath + "/login";

    public const string SessionCookie = "renfieldsip_session";

    public const string TestCallLimit = "test-call";
    public const string LoginLimit = "login";
}
