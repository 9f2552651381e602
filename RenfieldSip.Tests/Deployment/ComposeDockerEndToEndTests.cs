using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Deployment;

/// <summary>
/// The deployment a Renfield owner runs: <c>docker-compose --profile sip up -d --build</c> of the repository's own
/// file, .env.example filled in as the docs say, a sipp provider and real SIP calls, an Asterisk restart, <c>down -v</c>.
/// </summary>
[Collection(DockerTier.Name)]
public sealed class ComposeDockerEndToEndTests
{
    private const string WebhookToken = "compose-e2e-token";
    private static readonly string[] Containers = ["renfield-asterisk", "renfield-sip-monitor", "renfield-sip-redis"];

    [Fact]
    public async Task With_Docker_the_compose_deployment_announces_calls_and_survives_an_Asterisk_restart()
    {
        await DeploymentPrerequisites.RequireAsync(
            DeploymentPrerequisites.AsteriskImage, DeploymentPrerequisites.RedisImage, "mcr.microsoft.com/dotnet/sdk:10.0", "mcr.microsoft.com/dotnet/runtime-deps:10.0");
        if (!File.Exists(ComposeProject.DockerCompose))
        {
            Assert.Skip("Needs Docker: docker-compose is not installed (apt-get install docker-compose).");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(14));
        var cancellationToken = timeout.Token;

        // Renfield's side is reachable from the containers on the docker0 address, and from nowhere else.
        await using var renfield = await FakeRenfield.StartAsync(new FakeRenfieldOptions { Token = WebhookToken, ListenAddress = IPAddress.Parse(DeploymentPrerequisites.DockerHostAddress) });
        await using var provider = ContainerProvider.Start();
        var networksBefore = await Docker.NamesAsync("network", cancellationToken);
        var volumesBefore = await Docker.NamesAsync("volume", cancellationToken);

        await using (var compose = await ComposeProject.CreateAsync(
            new Dictionary<string, string>
            {
                ["SIP_REGISTRAR"] = provider.Registrar,
                ["SIP_USERNAME"] = ContainerProvider.Username,
                ["SIP_PASSWORD"] = ContainerProvider.Password,
                ["AMI_SECRET"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)),
                ["SIP_WEBHOOK_TOKEN"] = WebhookToken,
                ["RENFIELD_WEBHOOK_URL"] = renfield.WebhookUrl.ToString(),
            },
            cancellationToken))
        {
            var clock = Stopwatch.StartNew();
            var up = await compose.RunAsync(TimeSpan.FromMinutes(12), cancellationToken, "up", "-d", "--build");
            Assert.True(up.ExitCode == 0, $"docker-compose up failed:\n{up.StandardError}");
            var upReturned = clock.Elapsed;
            await Poll.ForAsync(() => AllHealthyAsync(cancellationToken), healthy => healthy, "all three services healthy", TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(1), cancellationToken);
            ReliabilityFigures.Report("compose", "up -d --build returned after", upReturned);
            ReliabilityFigures.Report("compose", "all three healthy after", clock.Elapsed);

            var line = await provider.WaitForRegistrationAsync(cancellationToken);
            await provider.CallAsync(line, "+491701234567", "Max Mustermann", cancellationToken);
            var first = Assert.Single(await renfield.WaitForDeliveredAsync(1, TimeSpan.FromMinutes(1)));
            Assert.Equal("Anruf von Max Mustermann", first.Json!.Value.GetProperty("title").GetString());
            Assert.Equal("Bearer " + WebhookToken, first.Header("Authorization"));

            // Asterisk restarts: it registers again, the monitor logs in again, and the next call is announced.
            var registrations = provider.Registrations;
            var logins = await LoginCountAsync(cancellationToken);
            Assert.Equal(0, (await Docker.RunAsync(["restart", "renfield-asterisk"], TimeSpan.FromMinutes(1), cancellationToken)).ExitCode);
            line = await provider.WaitForRegistrationAsync(cancellationToken, after: registrations);
            await Poll.ForAsync(() => LoginCountAsync(cancellationToken), count => count > logins, "the monitor's new AMI login", TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(1), cancellationToken);

            await provider.CallAsync(line, "+4915112345678", "Erika Musterfrau", cancellationToken);
            var second = (await renfield.WaitForDeliveredAsync(2, TimeSpan.FromMinutes(1)))[1];
            Assert.Equal("+49 1511 2345678", second.Json!.Value.GetProperty("data").GetProperty("caller_number").GetString());

            foreach (var usage in (await Docker.OutputAsync(["stats", "--no-stream", "--format", "{{.Name}} {{.MemUsage}}", .. Containers], cancellationToken)).Split('\n'))
            {
                ReliabilityFigures.Report("compose", "memory after 2 calls", usage);
            }
        }

        // down -v: nothing of the deployment is left.
        var containersLeft = await Docker.NamesAsync("container", cancellationToken);
        Assert.DoesNotContain(containersLeft, Containers.Contains);
        Assert.Equal(networksBefore, await Docker.NamesAsync("network", cancellationToken));
        Assert.Equal(volumesBefore, await Docker.NamesAsync("volume", cancellationToken));
    }

    private static async Task<bool> AllHealthyAsync(CancellationToken cancellationToken)
    {
        var result = await Docker.RunAsync(["inspect", "--format", "{{.State.Health.Status}}", .. Containers], TimeSpan.FromSeconds(30), cancellationToken);
        return result.ExitCode == 0 && result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(s => s.Trim() == "healthy") == Containers.Length;
    }

    private static async Task<int> LoginCountAsync(CancellationToken cancellationToken)
    {
        var logs = await Docker.RunAsync(["logs", "renfield-sip-monitor"], TimeSpan.FromSeconds(30), cancellationToken);
        return (logs.StandardOutput + logs.StandardError).Split("Logged in to AMI").Length - 1;
    }
}
