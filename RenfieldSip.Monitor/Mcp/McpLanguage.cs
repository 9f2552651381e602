using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.History;
using RenfieldSip.Monitor.Notification;

namespace RenfieldSip.Monitor.Mcp;

/// <summary>The words and the clock the answers are written with: the monitor's language and its local time zone.</summary>
internal sealed class McpLanguage(IOptions<WebhookOptions> webhook, TimeProvider time)
{
    private readonly bool _english = webhook.Value.IsEnglish;

    public McpWording Words => _english ? McpWording.English : McpWording.German;

    /// <summary>The call list page's words, for how a call ended and what the monitor did.</summary>
    public HistoryWording HistoryWords => _english ? HistoryWording.English : HistoryWording.German;

    public string Time(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, time.LocalTimeZone).ToString(Words.TimeFormat, System.Globalization.CultureInfo.InvariantCulture);

    public static string Format(string format, params object?[] arguments) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, format, arguments);
}
