using RenfieldSip.Tests.Config;

namespace RenfieldSip.Tests.Deployment;

/// <summary>
/// The repository's own docker-compose.yml, with an env file written from .env.example the way the docs say
/// (docker-compose 1.29, as Debian ships it). Always brought down with <c>down -v</c>.
/// </summary>
internal sealed class ComposeProject : IAsyncDisposable
{
    public const string DockerCompose = "/usr/bin/docker-compose";
    public const string ProjectName = "renfieldsip-e2e";

    private readonly string _directory;

    private ComposeProject(string directory) => _directory = directory;

    public string EnvFile => Path.Combine(_directory, ".env");

    /// <summary>.env.example with <paramref name="values"/> filled in, as a user fills it.</summary>
    public static async Task<ComposeProject> CreateAsync(IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        var project = new ComposeProject(Directory.CreateTempSubdirectory("renfieldsip-compose-e2e-").FullName);
        var lines = (await File.ReadAllLinesAsync(RepositoryLayout.PathOf(".env.example"), cancellationToken)).ToList();
        foreach (var (key, value) in values)
        {
            var index = lines.FindIndex(l => l.StartsWith(key + "=", StringComparison.Ordinal) || l.StartsWith("# " + key + "=", StringComparison.Ordinal));
            Assert.True(index >= 0, $".env.example does not name {key}");
            lines[index] = $"{key}={value}";
        }

        await File.WriteAllLinesAsync(project.EnvFile, lines, cancellationToken);
        return project;
    }

    public Task<ProcessResult> RunAsync(TimeSpan timeout, CancellationToken cancellationToken, params string[] command) =>
        ExternalProcess.RunAsync(
            DockerCompose,
            ["--env-file", EnvFile, "-f", RepositoryLayout.PathOf("docker-compose.yml"), "--profile", "sip", "-p", ProjectName, .. command],
            new Dictionary<string, string?>
            {
                // Debian's compose 1.29 would build through the CLI's BuildKit, which needs the buildx plugin; the
                // Dockerfile uses no BuildKit feature, so the engine's own builder builds the same image.
                ["COMPOSE_DOCKER_CLI_BUILD"] = "0",
                ["DOCKER_BUILDKIT"] = "0",
            },
            RepositoryLayout.Root,
            cancellationToken,
            timeout);

    public async ValueTask DisposeAsync()
    {
        await RunAsync(TimeSpan.FromMinutes(2), CancellationToken.None, "down", "-v", "--remove-orphans");
        Directory.Delete(_directory, recursive: true);
    }
}
