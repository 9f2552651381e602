using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Deployment;

/// <summary>
/// The deployment a Renfield owner runs: <c>docker-compose --profile sip up -d --build</c> of the repository's own
/// hardened file, .env.example filled in as the docs say, a sipp provider and real SIP calls, an Asterisk restart, a
/// message left on the answering machine with real RTP, a monitor restart that keeps it, <c>down -v</c>. It judges only what its own compose project creates (names starting with
/// <see cref="ComposeProject.ProjectName"/>), and clears what a run killed halfway left of that project first.
/// </summary>
[Collection(DockerTier.Name)]
public sealed class ComposeDockerEndToEndTests
{
    private const string WebhookToken = "compose-e2e-token";
    private const string RenfieldNetwork = ComposeProject.ProjectName + "-renfield-network";
    private static readonly string[] Containers = ["renfield-asterisk", "renfield-sip-monitor", "renfield-sip-redis"];

    [Fact]
    public async Task With_Docker_the_hardened_compose_deployment_announces_calls_and_messages_and_survives_Asterisk_and_monitor_restarts()
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
        var monitorToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

        await using (var compose = await ComposeProject.CreateAsync(
            new Dictionary<string, string>
            {
                ["SIP_REGISTRAR"] = provider.Registrar,
                ["SIP_USERNAME"] = ContainerProvider.Username,
                ["SIP_PASSWORD"] = ContainerProvider.Password,
                ["AMI_SECRET"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)),
                ["SIP_REDIS_PASSWORD"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)),
                ["SIP_MONITOR_TOKEN"] = monitorToken,
                ["SIP_WEBHOOK_TOKEN"] = WebhookToken,
                ["RENFIELD_WEBHOOK_URL"] = renfield.WebhookUrl.ToString(),
                // The test's own stand-in for Renfield's network (external: Renfield's project creates it, here the test).
                ["RENFIELD_NETWORK"] = RenfieldNetwork,
                // The answering machine answers after 3 s: the plain calls cancel 1 s after ringing, before it does.
                ["VOICEMAIL_RING_SECONDS"] = "3",
            },
            cancellationToken))
        {
            // What a run killed halfway left of this project (its containers, networks, volume) goes first.
            var leftovers = await compose.RunAsync(TimeSpan.FromMinutes(2), cancellationToken, "down", "-v", "--remove-orphans");
            Assert.True(leftovers.ExitCode == 0, $"docker-compose down (leftovers) failed:\n{leftovers.StandardError}");
            await Docker.RunAsync(["network", "rm", RenfieldNetwork], TimeSpan.FromSeconds(30), cancellationToken);
            Assert.Empty(await OwnAsync(cancellationToken));

            // Renfield's network is external: without it "up" stops and names it.
            var withoutRenfield = await compose.RunAsync(TimeSpan.FromMinutes(2), cancellationToken, "up", "-d", "--no-build");
            Assert.NotEqual(0, withoutRenfield.ExitCode);
            Assert.Contains($"Network {RenfieldNetwork} declared as external, but could not be found", withoutRenfield.StandardError, StringComparison.Ordinal);
            Assert.Equal(0, (await Docker.RunAsync(["network", "create", RenfieldNetwork], TimeSpan.FromSeconds(30), cancellationToken)).ExitCode);

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

            // The recordings volume as the entrypoint leaves it under cap_drop ALL (+CHOWN, DAC_OVERRIDE, SETUID, SETGID):
            // Asterisk's user writes a file 0640, the monitor's user (group_add 999) reads it and deletes it, and
            // cannot write into the file itself.
            const string Recordings = "/var/spool/asterisk/renfield-voicemail";
            Assert.Equal("root:asterisk 770", (await Docker.OutputAsync(["exec", "renfield-asterisk", "stat", "-c", "%U:%G %a", Recordings], cancellationToken)).Trim());
            Assert.Equal(0, (await Docker.RunAsync(["exec", "-u", "asterisk", "renfield-asterisk", "sh", "-c", $"umask 027 && echo probe > {Recordings}/probe.wav"], TimeSpan.FromSeconds(30), cancellationToken)).ExitCode);
            Assert.Equal("probe", (await Docker.OutputAsync(["exec", "renfield-sip-monitor", "cat", "/voicemail/probe.wav"], cancellationToken)).Trim());
            Assert.NotEqual(0, (await Docker.RunAsync(["exec", "renfield-sip-monitor", "bash", "-c", "echo changed > /voicemail/probe.wav"], TimeSpan.FromSeconds(30), cancellationToken)).ExitCode);
            Assert.Equal(0, (await Docker.RunAsync(["exec", "renfield-sip-monitor", "rm", "/voicemail/probe.wav"], TimeSpan.FromSeconds(30), cancellationToken)).ExitCode);

            // A caller nobody answers leaves a message: real RTP into Asterisk, the recording on the shared volume, one
            // sip.voicemail webhook, and the audio from the monitor's API with the owner's token.
            using var api = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:8085"), Timeout = TimeSpan.FromSeconds(30) };
            api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", monitorToken);
            var messageClock = Stopwatch.StartNew();
            await provider.LeaveMessageAsync(line, "+491705550123", "Anna Anrufer", cancellationToken);
            var hungUp = messageClock.Elapsed;
            var announced = await renfield.WaitForAsync(
                all => all.Any(r => r.JsonString("event_type") == "sip.voicemail"), "the sip.voicemail webhook", TimeSpan.FromMinutes(1));
            var webhookAfter = messageClock.Elapsed;
            var voicemail = Assert.Single(announced, r => r.JsonString("event_type") == "sip.voicemail");
            var (callId, listed) = await VoicemailRecordAsync(api, cancellationToken);
            var audioUrl = new Uri(listed.GetProperty("audio_url").GetString()!, UriKind.Relative);
            using var audio = await api.GetAsync(audioUrl, cancellationToken);
            var bytes = await audio.Content.ReadAsByteArrayAsync(cancellationToken);
            var recording = Sip.WavFile.Parse(bytes, "GET " + audioUrl);
            var file = callId.Replace('.', '-') + ".wav";

            Assert.Equal(HttpStatusCode.OK, audio.StatusCode);
            Assert.Equal("audio/wav", audio.Content.Headers.ContentType?.MediaType);
            Assert.InRange(recording.Length, Sip.SpokenMessage.Sent - TimeSpan.FromSeconds(1), Sip.SpokenMessage.Sent + TimeSpan.FromSeconds(1));
            Assert.True(recording.Rms > 500, $"RMS {recording.Rms:F0}: the recording is (nearly) silent");
            Assert.Equal(recording.Length.TotalSeconds, listed.GetProperty("duration_seconds").GetDouble(), 0.05);
            Assert.Equal("delivered", listed.GetProperty("announcement").GetString());
            Assert.Equal($"({(int)Math.Round(recording.Length.TotalSeconds, MidpointRounding.AwayFromZero) / 60}:{(int)Math.Round(recording.Length.TotalSeconds, MidpointRounding.AwayFromZero) % 60:00})", voicemail.JsonString("title")![^6..]);
            Assert.StartsWith("Neue Sprachnachricht von ", voicemail.JsonString("title"), StringComparison.Ordinal);

            // As the compose file intends: Asterisk's user owns the recording 0640 (group asterisk, which the monitor
            // joins); the monitor's own user owns the sidecar 0600, which nobody else reads.
            Assert.Equal($"asterisk:asterisk 640 {bytes.Length}", (await Docker.OutputAsync(["exec", "renfield-asterisk", "stat", "-c", "%U:%G %a %s", $"{Recordings}/{file}"], cancellationToken)).Trim());
            var monitorUser = (await Docker.OutputAsync(["exec", "renfield-sip-monitor", "id", "-u"], cancellationToken)).Trim();
            Assert.Equal($"{monitorUser} 600", (await Docker.OutputAsync(["exec", "renfield-sip-monitor", "stat", "-c", "%u %a", "/voicemail/" + Path.ChangeExtension(file, ".json")], cancellationToken)).Trim());
            ReliabilityFigures.Report("compose", "voicemail: sipp's call (ring 3 s, greeting, 7.08 s of RTP, BYE) took", hungUp);
            ReliabilityFigures.Report("compose", "voicemail: sip.voicemail webhook after the call began", webhookAfter);
            ReliabilityFigures.Report("compose", "voicemail: recording", $"{bytes.Length} bytes, {recording.Length.TotalSeconds:F2} s, RMS {recording.Rms:F0}");

            // Redis answers nobody without its password (only the monitor has it, in its connection string).
            var anonymous = await Docker.RunAsync(["exec", "-e", "REDISCLI_AUTH=", "renfield-sip-redis", "redis-cli", "ping"], TimeSpan.FromSeconds(30), cancellationToken);
            Assert.Contains("NOAUTH", anonymous.StandardOutput + anonymous.StandardError, StringComparison.Ordinal);

            // The read-only monitor restarts: healthy again, logged in to AMI again, and it announces the next call.
            logins = await LoginCountAsync(cancellationToken);
            Assert.Equal(0, (await Docker.RunAsync(["restart", "renfield-sip-monitor"], TimeSpan.FromMinutes(1), cancellationToken)).ExitCode);
            await Poll.ForAsync(() => AllHealthyAsync(cancellationToken), healthy => healthy, "all three services healthy after the monitor's restart", TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(1), cancellationToken);
            await Poll.ForAsync(() => LoginCountAsync(cancellationToken), count => count > logins, "the restarted monitor's AMI login", TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(1), cancellationToken);
            // The message is still there, as it was: listed, heard (its audio was fetched), playable.
            var (keptId, kept) = await VoicemailRecordAsync(api, cancellationToken);
            using var keptAudio = await api.GetAsync(audioUrl, cancellationToken);
            Assert.Equal(callId, keptId);
            Assert.True(kept.GetProperty("heard").GetBoolean());
            Assert.Equal(listed.GetProperty("duration_seconds").GetDouble(), kept.GetProperty("duration_seconds").GetDouble());
            Assert.Equal(bytes, await keptAudio.Content.ReadAsByteArrayAsync(cancellationToken));
            Assert.Contains("1 messages restored", await MonitorLogsAsync(cancellationToken), StringComparison.Ordinal);

            await provider.CallAsync(line, "+491709998877", "Nach Neustart", cancellationToken);
            var third = (await renfield.WaitForDeliveredAsync(5, TimeSpan.FromMinutes(1)))[4];
            Assert.Equal(PhoneDigits.Of("+491709998877"), third.CallerDigits);

            // The loopback port with the bearer token the docs give the owner.
            using (var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:8085"), Timeout = TimeSpan.FromSeconds(30) })
            using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/test-call"))
            {
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", monitorToken);
                using var response = await http.SendAsync(request, cancellationToken);
                Assert.True(response.IsSuccessStatusCode, $"POST /api/test-call answered {(int)response.StatusCode}");
            }

            var testCall = (await renfield.WaitForDeliveredAsync(6, TimeSpan.FromMinutes(1)))[5];
            Assert.Contains("Testanruf", testCall.Json!.Value.GetProperty("title").GetString(), StringComparison.Ordinal);

            // Renfield's agent asks over MCP from another container on Renfield's network, as mcp_servers.yaml says
            // (http://sip-monitor:8080/mcp, the monitor's token); a container without the token is refused.
            string[] mcpCall =
            [
                "run", "--rm", "--network", RenfieldNetwork, "mcr.microsoft.com/dotnet/sdk:10.0",
                "curl", "-s", "-w", "\nHTTP %{http_code}", "-H", "Content-Type: application/json", "-H", "Accept: application/json, text/event-stream",
                "-d", """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"list_calls","arguments":{"caller":"0170 9998877"}}}""",
                "http://sip-monitor:8080/mcp",
            ];
            var stranger = await Docker.RunAsync(mcpCall, TimeSpan.FromMinutes(1), cancellationToken);
            Assert.Contains("HTTP 401", stranger.StandardOutput, StringComparison.Ordinal);
            var agent = await Docker.RunAsync([.. mcpCall[..^1], "-H", "Authorization: Bearer " + monitorToken, mcpCall[^1]], TimeSpan.FromMinutes(1), cancellationToken);
            Assert.True(agent.StandardOutput.Contains("HTTP 200", StringComparison.Ordinal), $"MCP list_calls from Renfield's network:\n{agent.StandardOutput}{agent.StandardError}");
            Assert.Contains("170 9998877", agent.StandardOutput, StringComparison.Ordinal);

            foreach (var usage in (await Docker.OutputAsync(["stats", "--no-stream", "--format", "{{.Name}} {{.MemUsage}}", .. Containers], cancellationToken)).Split('\n'))
            {
                ReliabilityFigures.Report("compose", "memory after 3 calls, a message and a test call", usage);
            }
        }

        // Renfield's network belongs to Renfield's project, which here is the test.
        Assert.Equal(0, (await Docker.RunAsync(["network", "rm", RenfieldNetwork], TimeSpan.FromSeconds(30), cancellationToken)).ExitCode);

        // down -v: nothing of the deployment is left.
        var containersLeft = await Docker.NamesAsync("container", cancellationToken);
        Assert.DoesNotContain(containersLeft, Containers.Contains);
        Assert.Empty(await OwnAsync(cancellationToken));
    }

    /// <summary>The networks and volumes of this test's compose project (named after it), and nothing else on the engine.</summary>
    private static async Task<List<string>> OwnAsync(CancellationToken cancellationToken) =>
        [
            .. (await Docker.NamesAsync("network", cancellationToken)).Concat(await Docker.NamesAsync("volume", cancellationToken))
                .Where(name => name.StartsWith(ComposeProject.ProjectName, StringComparison.Ordinal))
                .Order(StringComparer.Ordinal),
        ];

    private static async Task<bool> AllHealthyAsync(CancellationToken cancellationToken)
    {
        var result = await Docker.RunAsync(["inspect", "--format", "{{.State.Health.Status}}", .. Containers], TimeSpan.FromSeconds(30), cancellationToken);
        return result.ExitCode == 0 && result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(s => s.Trim() == "healthy") == Containers.Length;
    }

    private static async Task<int> LoginCountAsync(CancellationToken cancellationToken) =>
        (await MonitorLogsAsync(cancellationToken)).Split("Logged in to AMI").Length - 1;

    private static async Task<string> MonitorLogsAsync(CancellationToken cancellationToken)
    {
        var logs = await Docker.RunAsync(["logs", "renfield-sip-monitor"], TimeSpan.FromSeconds(30), cancellationToken);
        return logs.StandardOutput + logs.StandardError;
    }

    /// <summary>The one call in <c>GET /api/calls</c> that left a message, once its announcement is decided.</summary>
    private static async Task<(string CallId, JsonElement Voicemail)> VoicemailRecordAsync(HttpClient api, CancellationToken cancellationToken)
    {
        (string, JsonElement) found = default;
        await Poll.UntilAsync(
            async () =>
            {
                using var response = await api.GetAsync(new Uri("/api/calls", UriKind.Relative), cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    return false;
                }

                using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                foreach (var call in page.RootElement.GetProperty("calls").EnumerateArray())
                {
                    if (call.TryGetProperty("voicemail", out var voicemail) && voicemail.ValueKind == JsonValueKind.Object
                        && voicemail.TryGetProperty("announcement", out var announcement) && announcement.ValueKind == JsonValueKind.String)
                    {
                        found = (call.GetProperty("call_id").GetString()!, voicemail.Clone());
                        return true;
                    }
                }

                return false;
            },
            "the call with its message in GET /api/calls",
            TimeSpan.FromMinutes(1),
            cancellationToken);
        return found;
    }
}
