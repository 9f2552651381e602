using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using RenfieldSip.Monitor.Access;
using RenfieldSip.Monitor.History;
using RenfieldSip.Monitor.Text;

namespace RenfieldSip.Monitor.Web;

/// <summary>
/// The page's way in: <c>GET /calls/login</c> shows the form, <c>POST /calls/login</c> checks the pasted token and
/// sets the session cookie, <c>POST /calls/logout</c> drops it. Both posts carry the form's antiforgery token.
/// </summary>
internal static class LoginEndpoints
{
    public const string Path = AccessSchemes.LoginPath;
    public const string LogoutPath = AccessSchemes.PagePath + "/logout";

    // A browser keeps the login for a month; changing the token ends it at once.
    private static readonly TimeSpan SessionLifetime = TimeSpan.FromDays(30);

    public static IEndpointRouteBuilder MapLogin(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, Show).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapPost(Path, LogIn).AllowAnonymous().RequireRateLimiting(AccessSchemes.LoginLimit).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>Maps below the <c>/calls</c> group: only a logged-in page can log out, with the token its page was given.</summary>
    public static IEndpointRouteBuilder MapLogout(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(LogoutPath[CallHistoryEndpoints.PagePath.Length..], LogOutAsync).ExcludeFromDescription();
        return endpoints;
    }

    internal static IResult Show(HttpContext context, IAntiforgery antiforgery, AccessToken access, MonitorLanguage language) =>
        Page(context, antiforgery, access, language, refused: false);

    internal static IResult LogIn(
        HttpContext context,
        [FromForm(Name = "token")] string? candidate,
        IAntiforgery antiforgery,
        AccessToken access,
        MonitorLanguage language,
        ILogger<CallHistoryStore> logger)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!access.Matches(candidate?.Trim()))
        {
            Log.LoginRefused(logger);
            return Page(context, antiforgery, access, language, refused: true);
        }

        context.Response.Cookies.Append(AccessSchemes.SessionCookie, access.SessionValue!, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = CallHistoryEndpoints.PagePath,
            MaxAge = SessionLifetime,
            IsEssential = true,
        });
        return Results.Redirect(CallHistoryEndpoints.PagePath, permanent: false, preserveMethod: false);
    }

    internal static async Task<IResult> LogOutAsync(HttpContext context, IAntiforgery antiforgery)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(antiforgery);

        // Without a form field to bind, nothing would stop a forged post: the check is explicit.
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.BadRequest();
        }

        context.Response.Cookies.Delete(AccessSchemes.SessionCookie, new CookieOptions { Path = CallHistoryEndpoints.PagePath });
        return Results.Redirect(Path);
    }

    private static IResult Page(HttpContext context, IAntiforgery antiforgery, AccessToken access, MonitorLanguage language, bool refused)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var response = context.Response;
        response.Headers.ContentSecurityPolicy = LoginPageRenderer.ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
        var html = LoginPageRenderer.Render(language.Language, access.IsConfigured, refused, new FormToken(tokens.FormFieldName, tokens.RequestToken!));
        return Results.Content(html, "text/html; charset=utf-8", statusCode: refused || !access.IsConfigured ? StatusCodes.Status401Unauthorized : StatusCodes.Status200OK);
    }
}
