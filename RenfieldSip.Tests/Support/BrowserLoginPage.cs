using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.Access;
using RenfieldSip.Monitor.History;
using RenfieldSip.Monitor.Web;

namespace RenfieldSip.Tests.Support;

/// <summary>
/// The owner at the login form, for a browser that cannot type: a page on the monitor's own origin (test host only)
/// holding the real login form, filled with the configured token and the form's antiforgery token, that submits
/// itself. The browser then goes through the real <c>POST /calls/login</c> and lands on <c>/calls</c> logged in.
/// </summary>
internal sealed class BrowserLoginPage : IStartupFilter
{
    public const string Path = "/test/browser-login";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (context.Request.Path != Path)
            {
                await nextMiddleware(context);
                return;
            }

            var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
            var token = context.RequestServices.GetRequiredService<IOptions<AccessOptions>>().Value.Token ?? string.Empty;
            var encode = HtmlEncoder.Default;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(
                $"<!doctype html><html><body><form id=\"login\" method=\"post\" action=\"{LoginEndpoints.Path}\">"
                + $"<input name=\"token\" value=\"{encode.Encode(token)}\"><input name=\"{encode.Encode(tokens.FormFieldName)}\" value=\"{encode.Encode(tokens.RequestToken!)}\">"
                + "</form><script>document.getElementById('login').submit();</script></body></html>");
        });
        next(app);
    };
}
