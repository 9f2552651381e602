using System.Net.Sockets;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Dotnet;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace RenfieldSip.Tests.AppHost;

/// <summary>RenfieldSip.AppHost's model as Aspire builds it: what DCP would run, without running it.</summary>
public sealed class AppModelTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task It_runs_Asterisk_Redis_and_the_monitor()
    {
        await using var app = await AppModel.BuildAsync(cancellationToken: Cancellation);

        Assert.IsType<ContainerResource>(app.Resource("asterisk"));
        Assert.IsAssignableFrom<ContainerResource>(app.Resource("redis"));
        Assert.IsType<DotnetProjectResource>(app.Resource("monitor"));
        var image = app.Resource("asterisk").Annotations.OfType<ContainerImageAnnotation>().Single();
        Assert.Equal(("andrius/asterisk", "20.18.2_debian-trixie"), (image.Image, image.Tag));
        Assert.Equal("docker.io/library/redis:8.6", ImageOf(app.Resource("redis")));
    }

    [Theory]
    [InlineData("sip-udp", ProtocolType.Udp)]
    public async Task SIP_is_5060_fixed_unproxied_and_external(string name, ProtocolType protocol)
    {
        await using var app = await AppModel.BuildAsync(cancellationToken: Cancellation);

        var endpoint = Endpoint(app, "asterisk", name);
        Assert.Equal(protocol, endpoint.Protocol);
        Assert.Equal(5060, endpoint.Port);
        Assert.Equal(5060, endpoint.TargetPort);
        Assert.False(endpoint.IsProxied, "SIP writes its own address and port into every message; a proxy port would break them");
        Assert.True(endpoint.IsExternal);
    }

    [Fact]
    public async Task AMI_is_internal_with_no_fixed_host_port()
    {
        await using var app = await AppModel.BuildAsync(cancellationToken: Cancellation);

        var ami = Endpoint(app, "asterisk", "ami");
        Assert.Equal(5038, ami.TargetPort);
        Assert.Null(ami.Port);
        Assert.False(ami.IsExternal);
        Assert.Equal(["ami", "sip-udp"], app.Resource("asterisk").Annotations.OfType<EndpointAnnotation>().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_monitor_reaches_AMI_through_the_asterisk_endpoint()
    {
        await using var app = await AppModel.BuildAsync(cancellationToken: Cancellation);
        var environment = await app.EnvironmentAsync("monitor", Cancellation);

        var host = Assert.IsType<EndpointReferenceExpression>(environment["AMI_HOST"]);
        var port = Assert.IsType<EndpointReferenceExpression>(environment["AMI_PORT"]);
        Assert.Equal((EndpointProperty.Host, "ami", "asterisk"), (host.Property, host.Endpoint.EndpointName, host.Endpoint.Resource.Name));
        Assert.Equal((EndpointProperty.Port, "ami", "asterisk"), (port.Property, port.Endpoint.EndpointName, port.Endpoint.Resource.Name));
        Assert.Equal("callmonitor", environment["AMI_USERNAME"]);
    }

    [Fact]
    public async Task The_monitor_gets_Redis_as_one_connection_string_and_nothing_else_of_it()
    {
        await using var app = await AppModel.BuildAsync(cancellationToken: Cancellation);
        var environment = await app.EnvironmentAsync("monitor", Cancellation);

        var redis = Assert.IsType<ConnectionStringReference>(environment["ConnectionStrings__redis"]);
        Assert.Equal("redis", redis.Resource.Name);
        Assert.Equal(["ConnectionStrings__redis"], environment.Keys.Where(k => k.Contains("redis", StringComparison.OrdinalIgnoreCase)));
    }

    [Theory]
    [InlineData("monitor", "AMI_SECRET", "ami-secret")]
    [InlineData("monitor", "RENFIELD_WEBHOOK_TOKEN", "webhook-token")]
    [InlineData("asterisk", "AMI_SECRET", "ami-secret")]
    [InlineData("asterisk", "SIP_PASSWORD", "sip-password")]
    public async Task Secrets_are_only_references_to_secret_parameters(string resource, string variable, string parameter)
    {
        await using var app = await AppModel.BuildAsync(cancellationToken: Cancellation);
        var environment = await app.EnvironmentAsync(resource, Cancellation);

        var value = Assert.IsType<ParameterResource>(environment[variable]);
        Assert.Equal(parameter, value.Name);
        Assert.True(value.Secret, $"{parameter} must be a secret parameter");
    }

    [Fact]
    public async Task The_monitor_passes_only_keys_it_reads()
    {
        await using var app = await AppModel.BuildAsync(cancellationToken: Cancellation);
        var environment = await app.EnvironmentAsync("monitor", Cancellation);

        Assert.All(environment.Keys, key => Assert.True(Config.MonitorConfigurationKeys.IsReadByMonitor(key), $"the AppHost passes {key}, which the monitor does not read"));
        Assert.Equal(Path.GetFullPath(Config.RepositoryLayout.PathOf("config", "sip", "phonebook.yaml")), environment["PHONEBOOK_PATH"]);
        Assert.True(File.Exists((string)environment["PHONEBOOK_PATH"]));
    }

    [Fact]
    public async Task Asterisk_records_into_the_folder_the_monitor_reads_messages_from()
    {
        await using var app = await AppModel.BuildAsync(cancellationToken: Cancellation);
        var environment = await app.EnvironmentAsync("monitor", Cancellation);

        var mount = app.Resource("asterisk").Annotations.OfType<ContainerMountAnnotation>()
            .Single(m => m.Target == "/var/spool/asterisk/renfield-voicemail");
        Assert.Equal(ContainerMountType.BindMount, mount.Type);
        Assert.False(mount.IsReadOnly);
        Assert.Equal(Path.GetFullPath(Config.RepositoryLayout.PathOf(".voicemail")), mount.Source);
        Assert.Equal(mount.Source, environment["Voicemail__Directory"]);
        Assert.True(Directory.Exists(mount.Source));
        Assert.Equal("voicemail-transcribe", Assert.IsType<ParameterResource>(environment["Voicemail__Transcribe"]).Name);
    }

    [Fact]
    public async Task The_monitor_starts_once_Redis_and_AMI_are_healthy()
    {
        await using var app = await AppModel.BuildAsync(cancellationToken: Cancellation);

        var waits = app.Resource("monitor").Annotations.OfType<WaitAnnotation>().ToList();
        // Aspire builds the monitor's project first, as a resource of its own (an internal type), and starts it only once
        // that build is done.
        var build = Assert.Single(waits, w => w.Resource.GetType().Name == "DotnetProjectBuildResource");
        Assert.Equal(WaitType.WaitForCompletion, build.WaitType);
        waits.Remove(build);
        Assert.Equal(["asterisk", "redis"], waits.Select(w => w.Resource.Name).Order(StringComparer.Ordinal));
        Assert.All(waits, w => Assert.Equal(WaitType.WaitUntilHealthy, w.WaitType));
        // "Healthy" for Asterisk means the AMI banner answered, not just a running container.
        Assert.Equal(["asterisk-ami"], app.Resource("asterisk").Annotations.OfType<HealthCheckAnnotation>().Select(h => h.Key));
        Assert.Empty(app.Resource("asterisk").Annotations.OfType<WaitAnnotation>());
    }

    [Fact]
    public async Task The_dashboard_links_the_monitor_to_its_call_list()
    {
        await using var app = await AppModel.BuildAsync(cancellationToken: Cancellation);
        var monitor = app.Resource("monitor");
        var context = new ResourceUrlsCallbackContext(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run), monitor, cancellationToken: Cancellation);

        foreach (var callback in monitor.Annotations.OfType<ResourceUrlsCallbackAnnotation>())
        {
            await callback.Callback(context);
        }

        var link = Assert.Single(context.Urls, u => u.Url == "/calls");
        Assert.Equal(("Anrufliste", "http"), (link.DisplayText, link.Endpoint?.EndpointName));
    }

    [Fact]
    public async Task The_dashboard_has_a_Testanruf_command_on_the_monitor()
    {
        await using var app = await AppModel.BuildAsync(cancellationToken: Cancellation);

        var command = app.Resource("monitor").Annotations.OfType<ResourceCommandAnnotation>().Single(c => c.Name == "test-call");
        Assert.Equal("Testanruf", command.DisplayName);
        Assert.False(string.IsNullOrWhiteSpace(command.DisplayDescription));
    }

    [Fact]
    public async Task The_monitor_gets_a_generated_secret_token_and_the_Testanruf_command_sends_it_as_a_bearer_header()
    {
        await using var app = await AppModel.BuildAsync(new Dictionary<string, string> { ["monitor-token"] = "apphost-monitor-token-0123456789" }, Cancellation);
        var environment = await app.EnvironmentAsync("monitor", Cancellation);
        var token = Assert.IsType<ParameterResource>(environment["MONITOR_TOKEN"]);
        var arrived = new System.Collections.Concurrent.ConcurrentQueue<(string Method, string Path, string Authorization)>();
        await using var monitor = await Support.WebhookListener.StartAsync(System.Net.IPAddress.Loopback, 0, TimeProvider.System, async (context, _) =>
        {
            arrived.Enqueue((context.Request.Method, context.Request.Path.ToString(), context.Request.Headers.Authorization.ToString()));
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"call_id\":\"test-1\",\"outcome\":\"Delivered\"}");
        }, Cancellation);

        // The command posts to the monitor's allocated endpoint: here a listener that records what arrives.
        var http = Endpoint(app, "monitor", "http");
        http.AllocatedEndpoint = new AllocatedEndpoint(http, "127.0.0.1", monitor.BaseAddress.Port);
        var command = app.Resource("monitor").Annotations.OfType<ResourceCommandAnnotation>().Single(c => c.Name == "test-call");
        await using var services = new ServiceCollection().AddLogging().AddHttpClient().BuildServiceProvider();
        await command.ExecuteCommand(new ExecuteCommandContext
        {
            Services = services,
            ResourceName = "monitor",
            CancellationToken = Cancellation,
            Logger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance,
            Arguments = new InteractionInputCollection([]),
        });

        Assert.Equal("monitor-token", token.Name);
        Assert.True(token.Secret, "monitor-token must be a secret parameter");
        Assert.Equal(("POST", "/api/test-call", "Bearer apphost-monitor-token-0123456789"), Assert.Single(arrived));
    }

    private static EndpointAnnotation Endpoint(AppModel app, string resource, string name) =>
        app.Resource(resource).Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == name);

    private static string ImageOf(IResource resource)
    {
        var image = resource.Annotations.OfType<ContainerImageAnnotation>().Single();
        return $"{image.Registry}/{image.Image}:{image.Tag}";
    }
}
