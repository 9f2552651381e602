namespace RenfieldSip.Tests.Config;

/// <summary>
/// The one list of what RenfieldSip.Monitor reads from its environment (the fixed contract in the
/// project brief). Deployment files may pass nothing else.
/// </summary>
internal static class MonitorConfigurationKeys
{
    /// <summary>Configuration keys, as .NET configuration sees them (env form: ':' written as "__").</summary>
    public static readonly IReadOnlySet<string> Keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Ami:Host", "Ami:Port", "Ami:Username", "Ami:Secret",
        "Ami:ConnectTimeout", "Ami:PingInterval", "Ami:PongTimeout", "Ami:ReconnectMaxDelay", "Ami:LoginRetryDelay", "Ami:MaxMessageBytes",
        "Webhook:Url", "Webhook:Token", "Webhook:Language", "Webhook:Urgency", "Webhook:Room", "Webhook:Tts",
        "Webhook:RequestTimeout", "Webhook:Deadline", "Webhook:MaxConcurrency", "Webhook:QueueCapacity",
        "Phonebook:Path", "Phonebook:DefaultRegion",
        "Dedup:Window", "Dedup:KeyPrefix", "ConnectionStrings:redis",
        "Calls:InboundContexts", "Calls:IdentityEvent", "Calls:SettleTimeout", "Calls:TrustCallerIdWithoutPresentation",
        "Telemetry:RedactCallerNumbers",
    };

    /// <summary>The seed's environment variables, mapped by RenfieldSip.Monitor/Configuration.</summary>
    public static readonly IReadOnlyDictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AMI_HOST"] = "Ami:Host",
        ["AMI_PORT"] = "Ami:Port",
        ["AMI_USERNAME"] = "Ami:Username",
        ["AMI_SECRET"] = "Ami:Secret",
        ["RENFIELD_WEBHOOK_URL"] = "Webhook:Url",
        ["RENFIELD_WEBHOOK_TOKEN"] = "Webhook:Token",
        ["PHONEBOOK_PATH"] = "Phonebook:Path",
    };

    /// <summary>Keys whose value is a secret (or carries one) in whichever form they are written.</summary>
    public static readonly IReadOnlySet<string> SecretEnvironmentVariables = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "AMI_SECRET", "Ami__Secret", "RENFIELD_WEBHOOK_TOKEN", "Webhook__Token", "SIP_PASSWORD", "REDIS_PASSWORD",
    };

    /// <summary>Read by ASP.NET Core, OpenTelemetry and the service defaults rather than by the monitor's own options.</summary>
    public static bool IsPlatformVariable(string name) =>
        name == "HTTP_PORTS" || name.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || name.StartsWith("OTEL_", StringComparison.Ordinal);

    public static bool IsReadByMonitor(string environmentVariable) =>
        Aliases.ContainsKey(environmentVariable)
        || Keys.Contains(environmentVariable.Replace("__", ":", StringComparison.Ordinal))
        || IsPlatformVariable(environmentVariable);
}
