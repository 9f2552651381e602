namespace RenfieldSip.Tests.Config;

/// <summary>docs/ENVIRONMENT_VARIABLES.md is how owners configure the monitor: every key it binds must be there.</summary>
public sealed class EnvironmentVariablesDocTests
{
    [Fact]
    public void Every_monitor_key_and_alias_is_documented()
    {
        var doc = File.ReadAllText(RepositoryLayout.PathOf("docs", "ENVIRONMENT_VARIABLES.md"));

        var missing = MonitorConfigurationKeys.Keys
            .Where(key => !doc.Contains('`' + key + '`', StringComparison.Ordinal))
            .Concat(MonitorConfigurationKeys.SourceKeys.Where(key => !doc.Contains('`' + key + '`', StringComparison.Ordinal)))
            .Concat(MonitorConfigurationKeys.Aliases.Keys.Where(alias => !doc.Contains('`' + alias + '`', StringComparison.Ordinal)))
            .ToList();

        Assert.True(missing.Count == 0, "Not in docs/ENVIRONMENT_VARIABLES.md: " + string.Join(", ", missing));
    }
}
