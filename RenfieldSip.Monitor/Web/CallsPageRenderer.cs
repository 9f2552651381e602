using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using RenfieldSip.Monitor.Access;
using RenfieldSip.Monitor.History;
using RenfieldSip.Monitor.Text;

namespace RenfieldSip.Monitor.Web;

/// <summary>
/// The call list as one self-contained HTML page: no script, one inline style allowed by its hash, so a caller name
/// that carries markup can only ever be text (every value is HTML-encoded, and the policy would stop a script anyway).
/// </summary>
internal static class CallsPageRenderer
{
    public const int RefreshSeconds = 15;

    private const string Style =
        "body{font:16px/1.4 system-ui,sans-serif;margin:0 auto;max-width:40rem;padding:.5rem;color:#222;background:#fafafa}"
        + "h1{font-size:1.3rem;margin:.5rem 0}.meta{color:#666;font-size:.85rem;margin:0 0 .5rem}"
        + "ol{list-style:none;margin:0;padding:0}li{background:#fff;border:1px solid #ddd;border-left:4px solid #999;border-radius:4px;margin:0 0 .5rem;padding:.4rem .6rem}"
        + "li.announced{border-left-color:#2a7}li.not-announced{border-left-color:#c33}li.ringing{border-left-color:#e90}"
        + ".who{font-weight:600;overflow-wrap:anywhere}.number,.details,.outcome{font-size:.9rem;overflow-wrap:anywhere}.details{color:#555}"
        + ".tag{background:#eee;border-radius:3px;font-size:.75rem;margin-left:.3rem;padding:0 .3rem}nav a{display:inline-block;margin:.5rem 1rem .5rem 0}"
        + "form{display:inline}.erase{font-size:.8rem;margin-top:.2rem}"
        + ".voicemail audio{width:100%;margin:.3rem 0 0}.transcript{display:block;font-style:italic}";

    /// <summary>Nothing but the one inline style and the monitor's own audio; no script, image or frame; forms post only to the monitor itself.</summary>
    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style)))}'; "
        + "img-src 'none'; media-src 'self'; script-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static string Render(CallPage page, IReadOnlyList<RingingCall> ringing, HistoryWording words, DateTimeOffset now, TimeZoneInfo zone, bool newest, FormToken? form = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(ringing);
        ArgumentNullException.ThrowIfNull(words);
        var html = new StringBuilder(4096 + (page.Calls.Count * 512));
        html.Append("<!doctype html><html lang=\"").Append(LanguageCode.Of(words.Language)).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">");
        if (newest)
        {
            // Refreshing needs no script: the newest page reloads itself; older pages stay put while being read.
            html.Append("<meta http-equiv=\"refresh\" content=\"").Append(RefreshSeconds.ToString(CultureInfo.InvariantCulture)).Append("\">");
        }

        html.Append("<title>").Append(words.Title).Append("</title><style>").Append(Style).Append("</style></head><body><h1>")
            .Append(words.Title).Append("</h1><p class=\"meta\">").Append(words.Updated).Append(' ').Append(Time(now, zone, words)).Append("</p>");

        if (page.Calls.Count == 0 && ringing.Count == 0)
        {
            html.Append("<p class=\"empty\">").Append(words.Empty).Append("</p>");
        }

        html.Append("<ol class=\"calls\">");
        if (newest)
        {
            foreach (var call in ringing)
            {
                AppendRinging(html, call, words, zone);
            }
        }

        foreach (var call in page.Calls)
        {
            AppendCall(html, call, words, zone, form);
        }

        html.Append("</ol><nav>");
        if (!newest)
        {
            html.Append("<a href=\"").Append(CallHistoryEndpoints.PagePath).Append("\">").Append(words.Newest).Append("</a>");
        }

        if (page.NextBefore is { } next)
        {
            html.Append("<a rel=\"next\" href=\"").Append(CallHistoryEndpoints.PagePath).Append("?before=")
                .Append(UrlEncoder.Default.Encode(next)).Append("\">").Append(words.Older).Append("</a>");
        }

        html.Append("</nav>");
        if (form is not null)
        {
            html.Append("<form method=\"post\" action=\"").Append(LoginEndpoints.LogoutPath).Append("\">");
            AppendFormToken(html, form);
            html.Append("<input type=\"submit\" value=\"").Append(words.LogOut).Append("\"></form>");
        }

        return html.Append("</body></html>").ToString();
    }

    private static void AppendCall(StringBuilder html, CallRecord call, HistoryWording words, TimeZoneInfo zone, FormToken? form)
    {
        var announced = call.Outcome == CallOutcome.Announced;
        html.Append("<li class=\"call ").Append(announced ? "announced" : "not-announced").Append("\" data-call-id=\"")
            .Append(Encode(call.CallId)).Append("\" data-outcome=\"").Append(SnakeCaseEnumConverter<CallOutcome>.Name(call.Outcome)).Append("\">");
        var selfNamed = call.NameSource == CallerNameSource.CallerId && call.CallerNumber is not null;
        AppendCaller(html, selfNamed ? null : call.CallerName, call.CallerNumber, call.Withheld, words);
        if (call.TestCall)
        {
            html.Append("<span class=\"tag\">").Append(words.TestCall).Append("</span>");
        }

        html.Append("</div>");
        if (selfNamed && call.CallerName is not null)
        {
            // A name only the caller's own signalling claims is never shown (or spoken) as if it were a contact.
            html.Append("<div class=\"number\">").Append(words.CallsItself).Append(" „").Append(Encode(call.CallerName))
                .Append("“ · ").Append(words.FromCallerId).Append("</div>");
        }
        else if (call.CallerName is not null && call.CallerNumber is not null)
        {
            var source = call.NameSource switch
            {
                CallerNameSource.Phonebook => words.FromPhonebook,
                CallerNameSource.CallerId => words.FromCallerId,
                _ => null,
            };
            html.Append("<div class=\"number\">").Append(Encode(call.CallerNumber));
            if (source is not null)
            {
                html.Append(" · ").Append(source);
                if (call.NameSource == CallerNameSource.Phonebook && call.PhonebookSource is { } phonebook)
                {
                    html.Append(" (").Append(Encode(phonebook)).Append(')');
                }
            }

            html.Append("</div>");
        }

        html.Append("<div class=\"details\">");
        AppendWhen(html, call.StartedAt, call.Did, words, zone);
        if (call.RingSeconds is { } seconds)
        {
            html.Append(" · ").Append(words.Rang).Append(' ').Append(Math.Round(seconds).ToString(CultureInfo.InvariantCulture)).Append(" s");
        }

        if (words.EndingText(call) is { } ending)
        {
            html.Append(" · ").Append(Encode(ending));
        }

        html.Append("</div><div class=\"outcome\">").Append(words.OutcomeText(call)).Append("</div>");
        VoicemailFragment.Append(html, call, words.Language, form);
        if (form is not null && call.CallerNumber is not null && !call.TestCall)
        {
            html.Append("<form class=\"erase\" method=\"post\" action=\"").Append(CallHistoryEndpoints.ErasePath)
                .Append("\"><input type=\"hidden\" name=\"number\" value=\"").Append(Encode(call.CallerNumber)).Append("\">");
            AppendFormToken(html, form);
            html.Append("<input type=\"submit\" value=\"").Append(words.Erase).Append("\"></form>");
        }

        html.Append("</li>");
    }

    internal static void AppendFormToken(StringBuilder html, FormToken form) =>
        html.Append("<input type=\"hidden\" name=\"").Append(Encode(form.FieldName)).Append("\" value=\"").Append(Encode(form.Value)).Append("\">");

    private static void AppendRinging(StringBuilder html, RingingCall call, HistoryWording words, TimeZoneInfo zone)
    {
        html.Append("<li class=\"call ringing\" data-call-id=\"").Append(Encode(call.CallId)).Append("\">");
        AppendCaller(html, call.CallerName, call.CallerNumber, call.Withheld, words);
        html.Append("<span class=\"tag\">").Append(words.Ringing).Append("</span></div><div class=\"details\">");
        AppendWhen(html, call.StartedAt, call.Did, words, zone);
        html.Append("</div></li>");
    }

    private static void AppendCaller(StringBuilder html, string? name, string? number, bool withheld, HistoryWording words)
    {
        html.Append("<div class=\"who\">");
        html.Append(withheld ? words.Withheld : Encode(name ?? number ?? words.Unknown));
    }

    private static void AppendWhen(StringBuilder html, DateTimeOffset startedAt, string? did, HistoryWording words, TimeZoneInfo zone)
    {
        html.Append("<time datetime=\"").Append(startedAt.ToString("O", CultureInfo.InvariantCulture)).Append("\">")
            .Append(Time(startedAt, zone, words)).Append("</time>");
        if (did is not null)
        {
            html.Append(' ').Append(words.To).Append(' ').Append(Encode(did));
        }
    }

    private static string Time(DateTimeOffset time, TimeZoneInfo zone, HistoryWording words) =>
        TimeZoneInfo.ConvertTime(time, zone).ToString(words.Language == Language.German ? "dd.MM.yyyy HH:mm:ss" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
