using RenfieldSip.Monitor.History;
using RenfieldSip.Monitor.Text;

namespace RenfieldSip.Monitor.Mcp;

/// <summary>The words and the clock the answers are written with: the monitor's language and its local time zone.</summary>
internal sealed class McpLanguage(MonitorLanguage language, TimeProvider time)
{
    public McpWording Words { get; } = McpWording.For(language.Language);

    /// <summary>The call list page's words, for how a call ended and what the monitor did.</summary>
    public HistoryWording HistoryWords { get; } = HistoryWording.For(language.Language);

    public string Time(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, time.LocalTimeZone).ToString(Words.TimeFormat, System.Globalization.CultureInfo.InvariantCulture);

    public static string Format(string format, params object?[] arguments) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, format, arguments);
}
