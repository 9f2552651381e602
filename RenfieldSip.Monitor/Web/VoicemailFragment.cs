using System.Globalization;
using System.Text.Encodings.Web;
using System.Text;
using RenfieldSip.Monitor.Access;
using RenfieldSip.Monitor.History;
using RenfieldSip.Monitor.Text;

namespace RenfieldSip.Monitor.Web;

/// <summary>
/// A call's message on the call list: its length, an audio player (the browser asks for ranges once played; it does
/// not preload, so showing the list does not count as hearing the message), what was said, and a delete button. No
/// script: the player is the browser's own. The delete form carries the page's antiforgery token like the erase form.
/// </summary>
internal static class VoicemailFragment
{
    public static void Append(StringBuilder html, CallRecord call, Language language, FormToken? form)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(call);
        if (call.Voicemail is not { } message)
        {
            return;
        }

        var german = language == Language.German;
        var path = "/calls/" + UrlEncoder.Default.Encode(call.CallId) + "/voicemail";
        var seconds = (int)Math.Round(message.DurationSeconds, MidpointRounding.AwayFromZero);
        html.Append("<div class=\"voicemail\" data-heard=\"").Append(message.Heard ? "true" : "false").Append("\">")
            .Append(german ? "Sprachnachricht" : "Voice message").Append(' ')
            .Append((seconds / 60).ToString(CultureInfo.InvariantCulture)).Append(':').Append((seconds % 60).ToString("00", CultureInfo.InvariantCulture));
        if (!message.Heard)
        {
            html.Append("<span class=\"tag\">").Append(german ? "neu" : "new").Append("</span>");
        }

        html.Append("<audio controls preload=\"none\" src=\"").Append(HtmlEncoder.Default.Encode(path)).Append("\"></audio>");
        if (message.Transcript is { } transcript)
        {
            html.Append("<q class=\"transcript\">").Append(HtmlEncoder.Default.Encode(transcript)).Append("</q>");
        }

        if (form is not null)
        {
            html.Append("<form method=\"post\" action=\"").Append(HtmlEncoder.Default.Encode(path + "/delete")).Append("\">");
            CallsPageRenderer.AppendFormToken(html, form);
            html.Append("<button type=\"submit\">").Append(german ? "Nachricht löschen" : "Delete message").Append("</button></form>");
        }

        html.Append("</div>");
    }
}
