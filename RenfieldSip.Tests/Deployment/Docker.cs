using RenfieldSip.Tests.Config;

namespace RenfieldSip.Tests.Deployment;

/// <summary>The docker and docker-compose CLIs, each call bounded in time.</summary>
internal static class Docker
{
    public static Task<ProcessResult> RunAsync(IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        ExternalProcess.RunAsync("docker", arguments, new Dictionary<string, string?>(), RepositoryLayout.Root, cancellationToken, timeout);

    public static async Task<string> OutputAsync(IEnumerable<string> arguments, CancellationToken cancellationToken = default)
    {
        var result = await RunAsync(arguments, TimeSpan.FromSeconds(60), cancellationToken);
        Assert.True(result.ExitCode == 0, $"docker {string.Join(' ', arguments)}: {result.StandardError}");
        return result.StandardOutput.Trim();
    }

    public static async Task<IReadOnlySet<string>> NamesAsync(string kind, CancellationToken cancellationToken)
    {
        string[] arguments = kind == "container" ? ["ps", "-a", "--format", "{{.Names}}"] : [kind, "ls", "--format", "{{.Name}}"];
        var output = await OutputAsync(arguments, cancellationToken);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
    }
}
