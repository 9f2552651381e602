using System.Security.Claims;

namespace RenfieldSip.Monitor.Access;

/// <summary>The one person the token stands for, and what a stranger is told.</summary>
internal static class Owner
{
    public const string SetToken =
        "The monitor has no access token yet. Set MONITOR_TOKEN (configuration key Access:Token, at least 16 characters, "
        + "e.g. openssl rand -hex 24) and restart it; see docs/SIP_INTEGRATION.md, \"Monitor-Zugang\".\n";

    public const string SendToken = "Send the monitor's token: Authorization: Bearer <MONITOR_TOKEN>.\n";

    // Antiforgery binds its tokens to a user by the NameIdentifier claim: one stable value for the one owner.
    public static ClaimsPrincipal Principal(string scheme) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "owner"), new Claim(ClaimTypes.Name, "owner")], scheme));
}
