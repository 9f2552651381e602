using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.Access;
using RenfieldSip.Monitor.History;

namespace RenfieldSip.Tests.Support;

/// <summary>
/// A media player as the owner's browser runs it, for a browser that cannot click: a page on the monitor's own origin
/// (test host only) that logs in through the real <c>POST /calls/login</c> (so the session cookie is the browser's),
/// then plays <c>?src=</c> and writes the duration the browser read from it (<c>duration=…</c>) or its error.
/// The <c>/calls</c> page itself runs no script, so the probe has to be a page of its own.
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

            var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
            var token = context.RequestServices.GetRequiredService<IOptions<AccessOptions>>().Value.Token ?? string.Empty;
            var js = JavaScriptEncoder.Default;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(
                "<!doctype html><html><body><audio id=\"a\" preload=\"metadata\"></audio><p id=\"d\">pending</p><script>"
                + "var a = document.getElementById('a'), d = document.getElementById('d');"
                + "a.addEventListener('loadedmetadata', function () { d.textContent = 'duration=' + a.duration; });"
                + "a.addEventListener('error', function () { d.textContent = 'error=' + a.error.code + ' ' + a.error.message; });"
                + "var form = new URLSearchParams();"
                + $"form.append('token', '{js.Encode(token)}'); form.append('{js.Encode(tokens.FormFieldName)}', '{js.Encode(tokens.RequestToken!)}');"
                + $"fetch('{LoginEndpoints.Path}', {{ method: 'POST', body: form, credentials: 'same-origin', redirect: 'manual' }})"
                + $".then(function () {{ a.src = '{js.Encode(context.Request.Query["src"].ToString())}'; }}, function (e) {{ d.textContent = 'login=' + e; }});"
                + "</script></body></html>");
        });
        next(app);
    };
}
