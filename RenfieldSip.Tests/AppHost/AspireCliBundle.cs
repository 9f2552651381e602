using System.Reflection;

namespace RenfieldSip.Tests.AppHost;

/// <summary>
/// DCP and the dashboard that the AppHost runs with. Since Aspire 17 they come from the bundle inside the Aspire CLI
/// (the <c>Aspire.Cli</c> .NET tool); the AppHost's build writes their paths into its assembly, so once the tool is
/// uninstalled or replaced by another version after the build, the tests still load but the AppHost cannot run.
/// </summary>
internal static class AspireCliBundle
{
    private const string Install = "install the Aspire CLI: dotnet tool install -g Aspire.Cli --version 17.0.0, then rebuild";

    /// <summary>Skips the calling test, naming what is missing, unless DCP and the dashboard are where the build found them.</summary>
    public static void Require()
    {
        var missing = FindMissing();
        if (missing is not null)
        {
            Assert.Skip($"Needs the Aspire CLI bundle: {missing} ({Install}).");
        }
    }

    private static string? FindMissing()
    {
        var metadata = Assembly.Load(new AssemblyName("RenfieldSip.AppHost"))
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        foreach (var (key, what) in new[] { ("dcpclipath", "DCP"), ("aspiredashboardpath", "the dashboard") })
        {
            if (!metadata.TryGetValue(key, out var path) || string.IsNullOrEmpty(path))
            {
                return $"the AppHost was built without {what}";
            }

            if (!File.Exists(path))
            {
                return $"{what} is not at {path}";
            }
        }

        return null;
    }
}
