using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using RenfieldSip.Monitor.Access;

namespace RenfieldSip.Tests.Support;

/// <summary>
/// A media player as the owner's logged-in browser runs it: a page on the monitor's own origin (test host only) that
/// hands the browser the session cookie the login form would (same name, value, path and flags), then plays
/// <c>?src=</c> and writes the duration the browser read from it (<c>duration=…</c>) or its error. The <c>/calls</c>
/// page itself runs no script, so the probe has to be a page of its own.
/// </summary>
internal sealed class BrowserPlayerPage : IStartupFilter
{
    public const string Path = "/test/browser-player";

    public static string For(string source) => Path + "?src=" + UrlEncoder.Default.Encode(source);

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (context.Request.Path != Path)
            {
                await nextMiddleware(context);
                return;
            }

            var session = context.RequestServices.GetRequiredService<AccessToken>().SessionValue ?? string.Empty;
            context.Response.Cookies.Append(AccessSchemes.SessionCookie, session, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Path = AccessSchemes.PagePath,
                IsEssential = true,
            });
            var source = HtmlEncoder.Default.Encode(context.Request.Query["src"].ToString());
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(
                $"<!doctype html><html><body><audio id=\"a\" preload=\"metadata\" src=\"{source}\"></audio><p id=\"d\">pending</p><script>"
                + "var a = document.getElementById('a'), d = document.getElementById('d');"
                + "a.addEventListener('loadedmetadata', function () { d.textContent = 'duration=' + a.duration; });"
                + "a.addEventListener('error', function () { d.textContent = 'error=' + a.error.code + ' ' + a.error.message; });"
                + "</script></body></html>");
        });
        next(app);
    };
}
