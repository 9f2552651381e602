namespace RenfieldSip.Tests.Config;

/// <summary>Debian's docker-compose validates (and interpolates) the compose file without a Docker engine.</summary>
public sealed class DockerComposeConfigTests : IDisposable
{
    private const string DockerCompose = "/usr/bin/docker-compose";

    private readonly string _directory = Directory.CreateTempSubdirectory("renfieldsip-compose-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task The_compose_file_is_valid_and_keeps_secrets_exactly()
    {
        var envFile = WriteEnvFile(
            "SIP_USERNAME=1234567e0",
            "SIP_PASSWORD='pa$word&/\\;x\"y'",
            "AMI_SECRET=9b1e5c7a3f2d8e6b4a0c1d3e5f7a9b2c",
            "SIP_REDIS_PASSWORD=4e8f1a2b3c5d6e7f8091a2b3c4d5e6f7",
            "SIP_MONITOR_TOKEN=5d1c9e7b3a2f4e6d8c0b1a3f5e7d9c2b",
            "SIP_WEBHOOK_TOKEN=renfield-token");

        var result = await ComposeAsync("--env-file", envFile, "-f", RepositoryLayout.PathOf("docker-compose.yml"), "--profile", "sip", "config");

        Assert.True(result.ExitCode == 0, result.StandardError);
        var config = result.StandardOutput;
        // "config" prints "$" as "$$"; the value itself is the literal password.
        Assert.Contains("SIP_PASSWORD: pa$$word&/\\;x\"y", config, StringComparison.Ordinal);
        Assert.Contains("protocol: udp", config, StringComparison.Ordinal);
        Assert.DoesNotContain("protocol: tcp", config, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__redis: sip-redis:6379,password=4e8f1a2b3c5d6e7f8091a2b3c4d5e6f7", config, StringComparison.Ordinal);
        Assert.Contains("MONITOR_TOKEN: 5d1c9e7b3a2f4e6d8c0b1a3f5e7d9c2b", config, StringComparison.Ordinal);
        Assert.Contains("mem_limit: 256m", config, StringComparison.Ordinal);
        Assert.Contains("RENFIELD_WEBHOOK_URL: http://backend:8000/api/notifications/webhook", config, StringComparison.Ordinal);
        Assert.Contains(RepositoryLayout.PathOf("config", "asterisk") + ":/etc/asterisk/templates:ro", config, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AMI_SECRET")]
    [InlineData("SIP_USERNAME")]
    [InlineData("SIP_PASSWORD")]
    [InlineData("SIP_REDIS_PASSWORD")]
    [InlineData("SIP_MONITOR_TOKEN")]
    public async Task A_missing_required_secret_stops_compose_naming_it(string missing)
    {
        var lines = new[] { "SIP_USERNAME=1234567e0", "SIP_PASSWORD=secret", "AMI_SECRET=9b1e5c7a3f2d8e6b", "SIP_REDIS_PASSWORD=4e8f1a2b", "SIP_MONITOR_TOKEN=5d1c9e7b3a2f4e6d" }
            .Where(line => !line.StartsWith(missing + "=", StringComparison.Ordinal))
            .ToArray();

        var result = await ComposeAsync("--env-file", WriteEnvFile(lines), "-f", RepositoryLayout.PathOf("docker-compose.yml"), "--profile", "sip", "config");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("set " + missing, result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task It_merges_into_Renfields_compose_and_reaches_its_backend()
    {
        // Stand-in for Renfield's docker-compose.yml: its backend on renfield-network.
        var renfield = Path.Combine(_directory, "renfield-compose.yml");
        await File.WriteAllTextAsync(renfield, """
            services:
              backend:
                image: renfield/backend:latest
                networks: [renfield-network]
            networks:
              renfield-network:
                driver: bridge
            """, TestContext.Current.CancellationToken);
        var envFile = WriteEnvFile(
            "SIP_USERNAME=1234567e0", "SIP_PASSWORD=secret", "AMI_SECRET=9b1e5c7a3f2d8e6b", "SIP_REDIS_PASSWORD=4e8f1a2b", "SIP_MONITOR_TOKEN=5d1c9e7b3a2f4e6d", "RENFIELDSIP_DIR=" + RepositoryLayout.Root);

        var result = await ComposeAsync("--env-file", envFile, "-f", renfield, "-f", RepositoryLayout.PathOf("docker-compose.yml"), "--profile", "sip", "config", "--services");

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal(["asterisk", "backend", "sip-monitor", "sip-redis"], result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal));

        var merged = await ComposeAsync("--env-file", envFile, "-f", renfield, "-f", RepositoryLayout.PathOf("docker-compose.yml"), "--profile", "sip", "config");
        Assert.True(merged.ExitCode == 0, merged.StandardError);
        Assert.Contains(RepositoryLayout.PathOf("config", "sip") + ":/config/sip:ro", merged.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("name: renfield-network", merged.StandardOutput, StringComparison.Ordinal);
    }

    private string WriteEnvFile(params string[] lines)
    {
        var path = Path.Combine(_directory, $"test-{Guid.NewGuid():N}.env");
        File.WriteAllLines(path, lines);
        return path;
    }

    private async Task<ProcessResult> ComposeAsync(params string[] arguments)
    {
        if (!File.Exists(DockerCompose))
        {
            Assert.Fail($"{DockerCompose} is missing: apt-get install docker-compose (.ci/run installs it).");
        }

        // No engine is needed for "config"; keep the developer's DOCKER_HOST out of it.
        var environment = new Dictionary<string, string?> { ["DOCKER_HOST"] = null, ["COMPOSE_PROFILES"] = null, ["COMPOSE_FILE"] = null };
        return await ExternalProcess.RunAsync(DockerCompose, arguments, environment, _directory, TestContext.Current.CancellationToken);
    }
}
