using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace RenfieldSip.Monitor.Access;

/// <summary>
/// The page's login: a cookie holding a value derived from the token (<see cref="AccessToken.SessionValue"/>),
/// HttpOnly, SameSite=Strict, sent only below <c>/calls</c>. Not logged in: off to the login form. The bearer header
/// opens the page too (curl, scripts): no browser adds it to another site's request without asking first.
/// </summary>
internal sealed class SessionCookieHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AccessToken token)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && token.Matches(header["Bearer ".Length..].Trim()))
        {
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(Owner.Principal(Scheme.Name), Scheme.Name)));
        }

        var cookie = Request.Cookies[AccessSchemes.SessionCookie];
        if (string.IsNullOrEmpty(cookie))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        return Task.FromResult(token.MatchesSession(cookie)
            ? AuthenticateResult.Success(new AuthenticationTicket(Owner.Principal(Scheme.Name), Scheme.Name))
            : AuthenticateResult.Fail("Session expired"));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // A page is something to log in to; a form post without the cookie gets no redirect to follow.
        if (HttpMethods.IsGet(Request.Method) || HttpMethods.IsHead(Request.Method))
        {
            Response.Redirect(AccessSchemes.LoginPath);
        }
        else
        {
            Response.StatusCode = StatusCodes.Status401Unauthorized;
        }

        return Task.CompletedTask;
    }
}
