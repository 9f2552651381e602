using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace RenfieldSip.Monitor.Access;

/// <summary>The shared bearer token of the APIs. Only the header counts: a browser never adds it on its own.</summary>
internal sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AccessToken token)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string Prefix = "Bearer ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || !token.Matches(header[Prefix.Length..].Trim()))
        {
            Log.BearerRefused(Logger, Request.Path);
            return Task.FromResult(AuthenticateResult.Fail("Invalid bearer token"));
        }

        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(Owner.Principal(Scheme.Name), Scheme.Name)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        Response.ContentType = "text/plain; charset=utf-8";
        await Response.WriteAsync(token.IsConfigured ? Owner.SendToken : Owner.SetToken, Context.RequestAborted);
    }
}
