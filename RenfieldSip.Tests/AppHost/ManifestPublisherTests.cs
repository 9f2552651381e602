using RenfieldSip.Tests.Config;

namespace RenfieldSip.Tests.AppHost;

/// <summary>aspire-manifest.json is exactly what the AppHost's manifest publisher writes.</summary>
public sealed class ManifestPublisherTests
{
    [Fact]
    public async Task The_checked_in_manifest_is_what_the_AppHost_publishes()
    {
        // Paths in the manifest are relative to the file, so the fresh one is written beside the checked-in one.
        var output = RepositoryLayout.PathOf($".aspire-manifest.{Guid.NewGuid():N}.json");
        try
        {
            var appHost = Path.Combine(AppContext.BaseDirectory, "RenfieldSip.AppHost.dll");
            var result = await ExternalProcess.RunAsync(
                "dotnet",
                [appHost, "--publisher", "manifest", "--output-path", output],
                new Dictionary<string, string?>(),
                RepositoryLayout.PathOf("RenfieldSip.AppHost"),
                TestContext.Current.CancellationToken,
                TimeSpan.FromMinutes(2));

            Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
            var expected = await File.ReadAllTextAsync(RepositoryLayout.PathOf("aspire-manifest.json"), TestContext.Current.CancellationToken);
            var published = await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken);
            Assert.True(
                expected.ReplaceLineEndings() == published.ReplaceLineEndings(),
                "aspire-manifest.json is not what RenfieldSip.AppHost publishes; regenerate it with\n"
                + "  aspire do publish-manifest --output-path .\n"
                + "and bring docker-compose.yml in line. Published:\n" + published);
        }
        finally
        {
            File.Delete(output);
        }
    }
}
