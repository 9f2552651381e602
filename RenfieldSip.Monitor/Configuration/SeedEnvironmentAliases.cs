namespace RenfieldSip.Monitor.Configuration;

internal static class SeedEnvironmentAliases
{
    public static IConfigurationBuilder AddSeedEnvironmentAliases(this IConfigurationBuilder configuration)
    {
        return configuration;
    }
}
