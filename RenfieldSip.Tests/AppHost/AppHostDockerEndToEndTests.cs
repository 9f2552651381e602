using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using RenfieldSip.Tests.Deployment;
using RenfieldSip.Tests.Sip;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.AppHost;

/// <summary>
/// The real AppHost under DCP with real containers (the stand-in images), a sipp provider and a real SIP call; the
/// dashboard's OTLP endpoint receives the call's trace.
/// </summary>
[Collection(DockerTier.Name)]
public sealed class AppHostDockerEndToEndTests
{
    private const string WebhookToken = "apphost-e2e-token";
    private const string ExpectedBody = """{"event_type":"sip.incoming_call","title":"Anruf von Max Mustermann","message":"Eingehender Anruf von Max Mustermann","urgency":"info","room":null,"tts":true,"data":{"caller_number":"+49 170 1234567","caller_name":"Max Mustermann"}}""";

    [Fact]
    public async Task With_Docker_a_real_SIP_call_through_the_AppHost_is_announced_and_one_trace_in_the_dashboard()
    {
        await DeploymentPrerequisites.RequireAsync(DeploymentPrerequisites.AsteriskImage, DeploymentPrerequisites.RedisImage);
        AspireCliBundle.Require();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(8));
        var cancellationToken = timeout.Token;

        await using var renfield = await FakeRenfield.StartAsync(new FakeRenfieldOptions { Token = WebhookToken });
        await using var provider = ContainerProvider.Start();
        var networksBefore = await Docker.NamesAsync("network", cancellationToken);
        var apiKey = Guid.NewGuid().ToString("N");

        var builder = await AppHostFactory.CreateAsync(
            new Dictionary<string, string>
            {
                ["sip-registrar"] = provider.Registrar,
                ["webhook-url"] = renfield.WebhookUrl.ToString(),
                ["webhook-token"] = WebhookToken,
            },
            new Dictionary<string, string>
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePorts.Tcp()}",
                ["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://127.0.0.1:{FreePorts.Tcp()}",
                ["AppHost:DashboardApiKey"] = apiKey,
            },
            options => options.DisableDashboard = false,
            cancellationToken);
        var containerIds = new List<string>();
        await using (var app = await builder.BuildAsync(cancellationToken))
        {
            await app.StartAsync(cancellationToken);
            await app.ResourceNotifications.WaitForResourceHealthyAsync("monitor", cancellationToken);
            foreach (var name in new[] { "asterisk", "redis" })
            {
                var running = await app.ResourceNotifications.WaitForResourceAsync(name, e => ContainerId(e) is not null, cancellationToken);
                containerIds.Add(ContainerId(running)!);
            }

            // A real REGISTER with digest auth, then a real INVITE on the line it registered.
            var line = await provider.WaitForRegistrationAsync(cancellationToken);
            await provider.CallAsync(line, "+491701234567", "Max Mustermann", cancellationToken);

            var delivered = await renfield.WaitForDeliveredAsync(1, TimeSpan.FromMinutes(1));
            var call = Assert.Single(delivered);
            Assert.Equal(ExpectedBody, System.Text.Encoding.UTF8.GetString(call.Body));
            Assert.Equal("Bearer " + WebhookToken, call.Header("Authorization"));

            // The dashboard is a resource of its own; DCP decides its port.
            using var telemetry = new DashboardTelemetry(app.GetEndpoint("aspire-dashboard", "http"), apiKey);
            var trace = await Poll.ForAsync(
                async () => CallTrace(await telemetry.SpansAsync("monitor", cancellationToken)),
                spans => spans is not null,
                "the call's spans (incoming call > announce call > POST) in the dashboard",
                TimeSpan.FromMinutes(1),
                TimeSpan.FromMilliseconds(500),
                cancellationToken);
            var logs = await Poll.ForAsync(
                () => telemetry.LogsAsync(trace![0].TraceId, cancellationToken),
                records => records.Any(r => r.Body.Contains("announced to Renfield", StringComparison.Ordinal)),
                "the call's log records in the dashboard",
                TimeSpan.FromMinutes(1),
                TimeSpan.FromMilliseconds(500),
                cancellationToken);
            Assert.Contains(logs, r => r.Body.StartsWith("Incoming call", StringComparison.Ordinal));
            Assert.Contains(logs, r => r.Body.Contains("identified", StringComparison.Ordinal));
            Assert.All(logs, r => Assert.Equal(trace![0].TraceId, r.TraceId));
            Assert.DoesNotContain(logs, r => r.Body.Contains("1701234567", StringComparison.Ordinal));

            // The dashboard's "Testanruf" command goes through the same pipeline.
            var monitor = app.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == "monitor");
            var command = await app.ResourceCommands.ExecuteCommandAsync(monitor, "test-call", cancellationToken);
            Assert.True(command.Success, command.Message);
            var testCall = (await renfield.WaitForDeliveredAsync(2, TimeSpan.FromMinutes(1)))[1];
            Assert.Contains("Testanruf", testCall.Json!.Value.GetProperty("title").GetString(), StringComparison.Ordinal);

            await app.StopAsync(cancellationToken);
        }

        Assert.Equal(2, containerIds.Count);
        var containers = await Docker.RunAsync(["inspect", "--format", "{{.Id}}", .. containerIds], TimeSpan.FromSeconds(30), cancellationToken);
        Assert.True(containers.StandardOutput.Trim().Length == 0, $"containers left behind: {containers.StandardOutput}");
        Assert.Equal(networksBefore, await Docker.NamesAsync("network", cancellationToken));
    }

    /// <summary>The spans of the one call trace, root first, once all three have arrived.</summary>
    private static List<DashboardTelemetry.Span>? CallTrace(IReadOnlyList<DashboardTelemetry.Span> spans)
    {
        var root = spans.FirstOrDefault(s => s.Name == "incoming call" && s.ParentSpanId is null or "");
        if (root is null)
        {
            return null;
        }

        var trace = spans.Where(s => s.TraceId == root.TraceId).ToList();
        var announce = trace.FirstOrDefault(s => s.Name == "announce call" && s.ParentSpanId == root.SpanId);
        var post = announce is null ? null : trace.FirstOrDefault(s => s.ParentSpanId == announce.SpanId && s.Name.StartsWith("POST", StringComparison.Ordinal));
        return post is null ? null : [root, announce!, post];
    }

    private static string? ContainerId(ResourceEvent resourceEvent) =>
        resourceEvent.Snapshot.Properties.FirstOrDefault(p => p.Name == "container.id")?.Value as string;
}
