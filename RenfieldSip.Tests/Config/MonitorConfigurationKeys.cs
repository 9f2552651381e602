using System.Reflection;
using RenfieldSip.Monitor.Ami;
using RenfieldSip.Monitor.Calls;
using RenfieldSip.Monitor.Configuration;
using RenfieldSip.Monitor.Dedup;
using RenfieldSip.Monitor.History;
using RenfieldSip.Monitor.Identity;
using RenfieldSip.Monitor.Notification;
using RenfieldSip.Monitor.Phonebooks;
using RenfieldSip.Monitor.Telemetry;
using RenfieldSip.Monitor.Voicemail;

namespace RenfieldSip.Tests.Config;

/// <summary>
/// The one list of what RenfieldSip.Monitor reads from its environment (the fixed contract in the
/// project brief). Deployment files may pass nothing else.
/// </summary>
internal static class MonitorConfigurationKeys
{
    /// <summary>
    /// Configuration keys, as .NET configuration sees them (env form: ':' written as "__"), read off the monitor's
    /// own options classes so this list cannot drift from what the monitor binds.
    /// </summary>
    public static readonly IReadOnlySet<string> Keys = BuildKeys();

    /// <summary>The short environment variables, as RenfieldSip.Monitor/Configuration maps them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Aliases = ShortEnvironmentVariables.Map;

    /// <summary>Keys whose value is a secret (or carries one) in whichever form they are written.</summary>
    public static readonly IReadOnlySet<string> SecretEnvironmentVariables = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "AMI_SECRET", "Ami__Secret", "RENFIELD_WEBHOOK_TOKEN", "Webhook__Token", "SIP_PASSWORD", "REDIS_PASSWORD",
        "PHONEBOOK_CARDDAV_PASSWORD", "MONITOR_TOKEN", "REDISCLI_AUTH",
    };

    /// <summary>
    /// The keys of one <c>Phonebook:Sources:&lt;name&gt;</c> entry, with <c>&lt;name&gt;</c> written as is: the owner picks
    /// the names, so these are a pattern rather than fixed keys.
    /// </summary>
    public static readonly IReadOnlyList<string> SourceKeys =
        [.. typeof(PhonebookSourceOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => "Phonebook:Sources:<name>:" + p.Name)];

    /// <summary>
    /// Read by the .NET runtime, glibc's allocator, ASP.NET Core, logging, OpenTelemetry and the service defaults rather
    /// than by the monitor's own options (Aspire sets <c>DOTNET_*</c> and <c>LOGGING__CONSOLE__*</c> for every project
    /// it runs).
    /// </summary>
    public static bool IsPlatformVariable(string name) =>
        name == "HTTP_PORTS"
        || name == "TZ"
        || name.StartsWith("ASPNETCORE_", StringComparison.Ordinal)
        || name.StartsWith("OTEL_", StringComparison.Ordinal)
        || name.StartsWith("DOTNET_", StringComparison.Ordinal)
        || name == "MALLOC_ARENA_MAX"
        || name.StartsWith("LOGGING__CONSOLE__", StringComparison.OrdinalIgnoreCase);

    public static bool IsReadByMonitor(string environmentVariable) =>
        Aliases.ContainsKey(environmentVariable)
        || Keys.Contains(environmentVariable.Replace("__", ":", StringComparison.Ordinal))
        || IsSourceKey(environmentVariable.Replace("__", ":", StringComparison.Ordinal))
        || IsPlatformVariable(environmentVariable);

    private static bool IsSourceKey(string key) =>
        key.Split(':') is ["Phonebook", "Sources", { Length: > 0 }, var property]
        && SourceKeys.Contains("Phonebook:Sources:<name>:" + property, StringComparer.OrdinalIgnoreCase);

    private static HashSet<string> BuildKeys()
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "ConnectionStrings:redis" };
        (Type Options, string Section)[] areas =
        [
            (typeof(AmiOptions), AmiOptions.SectionName),
            (typeof(WebhookOptions), WebhookOptions.SectionName),
            (typeof(PhonebookOptions), PhonebookOptions.SectionName),
            (typeof(DedupOptions), DedupOptions.SectionName),
            (typeof(CallOptions), CallOptions.SectionName),
            (typeof(TelemetryOptions), TelemetryOptions.SectionName),
            (typeof(HistoryOptions), HistoryOptions.SectionName),
            (typeof(VoicemailOptions), VoicemailOptions.SectionName),
        ];
        foreach (var (options, section) in areas)
        {
            foreach (var property in options.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            {
                keys.Add(section + ":" + property.Name);
            }
        }

        return keys;
    }
}
