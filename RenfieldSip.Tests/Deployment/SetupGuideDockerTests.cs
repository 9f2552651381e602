using RenfieldSip.Tests.Config;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Deployment;

/// <summary>
/// docs/SIP_INTEGRATION.md followed to the letter: docs/guide/run-guide.sh runs the guide's marked blocks in a fresh
/// HOME beside a Renfield-like compose project in <c>~/renfield</c>, with sipp as the provider, from <c>git clone</c>
/// to „Testanruf“, a real call announced and <c>down</c>. The clone is of the repository's HEAD.
/// </summary>
[Collection(DockerTier.Name)]
public sealed class SetupGuideDockerTests
{
    /// <summary>run-guide.sh's exit code for a missing prerequisite, which it names.</summary>
    private const int Skipped = 77;

    [Fact]
    public async Task With_Docker_the_setup_guide_followed_step_by_step_announces_the_test_call_and_a_real_call()
    {
        await DeploymentPrerequisites.RequireAsync(
            DeploymentPrerequisites.AsteriskImage, DeploymentPrerequisites.RedisImage, "mcr.microsoft.com/dotnet/sdk:10.0", "mcr.microsoft.com/dotnet/runtime-deps:10.0", "local/debian:bookworm");

        // The first "up --build" of a fresh clone builds the NativeAOT image unless the layers are cached.
        var result = await ExternalProcess.RunAsync(
            "bash",
            [RepositoryLayout.PathOf("docs", "guide", "run-guide.sh")],
            new Dictionary<string, string?>(),
            RepositoryLayout.Root,
            TestContext.Current.CancellationToken,
            TimeSpan.FromMinutes(20));
        var output = result.StandardOutput + result.StandardError;
        if (result.ExitCode == Skipped)
        {
            Assert.Skip("Needs Docker: " + output.Split('\n').First(line => line.StartsWith("SKIP: ", StringComparison.Ordinal))["SKIP: ".Length..]);
        }

        TestContext.Current.TestOutputHelper?.WriteLine(output);
        Assert.True(result.ExitCode == 0, $"run-guide.sh failed (exit {result.ExitCode}):\n{output}");
        Assert.Contains("GUIDE: passed", output, StringComparison.Ordinal);
        const string Figure = "GUIDE: git clone to the first announced call: ";
        var announced = output.Split('\n').Select(line => line.Trim()).Single(line => line.StartsWith(Figure, StringComparison.Ordinal));
        ReliabilityFigures.Report("guide", "git clone to the first announced call", announced[Figure.Length..]);
    }
}
