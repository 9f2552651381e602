using System.Collections;

namespace RenfieldSip.Monitor.Configuration;

/// <summary>
/// The plan's environment variables (AMI_HOST, RENFIELD_WEBHOOK_URL, …) as aliases of the .NET keys, so a compose
/// file written for the original sidecar works unchanged. Added after the environment source, an alias wins.
/// </summary>
internal static class SeedEnvironmentAliases
{
    public static readonly IReadOnlyDictionary<string, string> Map = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AMI_HOST"] = "Ami:Host",
        ["AMI_PORT"] = "Ami:Port",
        ["AMI_USERNAME"] = "Ami:Username",
        ["AMI_SECRET"] = "Ami:Secret",
        ["RENFIELD_WEBHOOK_URL"] = "Webhook:Url",
        ["RENFIELD_WEBHOOK_TOKEN"] = "Webhook:Token",
        ["PHONEBOOK_PATH"] = "Phonebook:Path",
    };

    public static IConfigurationBuilder AddSeedEnvironmentAliases(this IConfigurationBuilder configuration) =>
        configuration.AddSeedEnvironmentAliases(Environment.GetEnvironmentVariables());

    public static IConfigurationBuilder AddSeedEnvironmentAliases(this IConfigurationBuilder configuration, IDictionary environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (variable, key) in Map)
        {
            // Compose passes `${X:-}` as an empty string: that means "not set", not "set to nothing".
            if (environment[variable] is string value && value.Length > 0)
            {
                values[key] = value;
            }
        }

        return configuration.AddInMemoryCollection(values);
    }
}
