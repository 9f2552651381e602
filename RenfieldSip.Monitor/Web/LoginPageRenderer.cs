using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using RenfieldSip.Monitor.Access;
using RenfieldSip.Monitor.Text;

namespace RenfieldSip.Monitor.Web;

/// <summary>The login form: one password field for the token, no script, posting only to itself.</summary>
internal static class LoginPageRenderer
{
    private const string Style =
        "body{font:16px/1.4 system-ui,sans-serif;margin:0 auto;max-width:30rem;padding:.5rem;color:#222;background:#fafafa}"
        + "input{font:inherit;width:100%;box-sizing:border-box;margin:.3rem 0;padding:.4rem}.error{color:#c33}";

    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style)))}'; "
        + "img-src 'none'; script-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static string Render(Language language, bool tokenConfigured, bool refused, FormToken form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var german = language == Language.German;
        var html = new StringBuilder(1024);
        html.Append("<!doctype html><html lang=\"").Append(LanguageCode.Of(language)).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>")
            .Append(german ? "Anrufliste – Anmelden" : "Calls – log in").Append("</title><style>").Append(Style).Append("</style></head><body><h1>")
            .Append(german ? "Anrufliste" : "Calls").Append("</h1>");
        if (!tokenConfigured)
        {
            html.Append("<p class=\"error\">").Append(german
                ? "Der Monitor hat noch kein Zugangs-Token. Setze MONITOR_TOKEN (mindestens 16 Zeichen) und starte ihn neu."
                : "The monitor has no access token yet. Set MONITOR_TOKEN (at least 16 characters) and restart it.").Append("</p>");
        }
        else if (refused)
        {
            html.Append("<p class=\"error\">").Append(german ? "Das Token stimmt nicht." : "That is not the token.").Append("</p>");
        }

        html.Append("<form method=\"post\" action=\"").Append(LoginEndpoints.Path).Append("\"><label>")
            .Append(german ? "Zugangs-Token (MONITOR_TOKEN)" : "Access token (MONITOR_TOKEN)")
            .Append("<input type=\"password\" name=\"token\" autocomplete=\"current-password\" required></label>")
            .Append("<input type=\"hidden\" name=\"").Append(HtmlEncoder.Default.Encode(form.FieldName)).Append("\" value=\"")
            .Append(HtmlEncoder.Default.Encode(form.Value)).Append("\"><input type=\"submit\" value=\"")
            .Append(german ? "Anmelden" : "Log in").Append("\"></form></body></html>");
        return html.ToString();
    }
}
