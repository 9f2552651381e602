using System.Collections;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Memory;

namespace RenfieldSip.Monitor.Configuration;

/// <summary>
/// The plan's environment variables (AMI_HOST, RENFIELD_WEBHOOK_URL, …) as aliases of the .NET keys, so a compose
/// file written for the original sidecar works unchanged. Placed right after the environment source, an alias
/// wins over the <c>Ami__Host</c> form but command-line arguments still win over both.
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
        ["MONITOR_TOKEN"] = "Access:Token",

        // One source of each kind by a plain variable, for compose files; more go under Phonebook__Sources__<name>__….
        ["PHONEBOOK_VCARD_PATH"] = "Phonebook:Sources:vcard:Path",
        ["PHONEBOOK_FRITZBOX_PATH"] = "Phonebook:Sources:fritzbox:Path",
        ["PHONEBOOK_CARDDAV_URL"] = "Phonebook:Sources:carddav:Url",
        ["PHONEBOOK_CARDDAV_USERNAME"] = "Phonebook:Sources:carddav:Username",
        ["PHONEBOOK_CARDDAV_PASSWORD"] = "Phonebook:Sources:carddav:Password",
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

        var source = new MemoryConfigurationSource { InitialData = values };
        var sources = configuration.Sources;
        var environmentIndex = -1;
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is EnvironmentVariablesConfigurationSource { Prefix: null or "" })
            {
                environmentIndex = i;
            }
        }

        if (environmentIndex < 0)
        {
            sources.Add(source);
        }
        else
        {
            sources.Insert(environmentIndex + 1, source);
        }

        return configuration;
    }
}
