using System.Text.Json;
using System.Text.RegularExpressions;

namespace RenfieldSip.Tests.Config;

/// <summary>aspire-manifest.json and docker-compose.yml describe one system, built from config/.</summary>
public sealed partial class DeploymentArtifactsTests
{

    // Renfield's compose may already have "redis" or "monitor"; the compose services are prefixed.
    private static readonly Dictionary<string, string> ComposeServiceOf = new(StringComparer.Ordinal)
    {
        ["asterisk"] = "asterisk",
        ["monitor"] = "sip-monitor",
        ["redis"] = "sip-redis",
    };

    private readonly AspireManifest _manifest = AspireManifest.Load();
    private readonly ComposeFile _compose = ComposeFile.Load();

    [Fact]
    public void Both_describe_the_same_services()
    {
        var computeResources = _manifest.Resources.EnumerateObject()
            .Where(r => r.Value.TryGetProperty("type", out var type) && type.GetString() is { } t && (t.StartsWith("container.", StringComparison.Ordinal) || t.StartsWith("project.", StringComparison.Ordinal)))
            .Select(r => ComposeServiceOf[r.Name])
            .Order(StringComparer.Ordinal);

        Assert.Equal(computeResources, _compose.ServiceNames.Order(StringComparer.Ordinal));
        Assert.All(_compose.ServiceNames, service => Assert.Equal(["sip"], _compose.Sequence(service, "profiles")));
    }

    [Fact]
    public void Every_bind_mount_source_exists_in_the_repository()
    {
        var sources = new List<string>();
        foreach (var resource in _manifest.Resources.EnumerateObject())
        {
            if (resource.Value.TryGetProperty("bindMounts", out var mounts))
            {
                sources.AddRange(mounts.EnumerateArray().Select(m => m.GetProperty("source").GetString()!));
            }
        }

        foreach (var service in _compose.ServiceNames)
        {
            sources.AddRange(_compose.Sequence(service, "volumes")
                .Where(v => v.StartsWith("./", StringComparison.Ordinal))
                .Select(v => v.Split(':')[0]));
        }

        Assert.Contains("config/asterisk", sources);
        Assert.Contains("./config/sip", sources);
        Assert.All(sources, source => Assert.True(Directory.Exists(RepositoryLayout.PathOf(source)), $"{source} does not exist"));
    }

    [Fact]
    public void Asterisk_runs_the_mounted_entrypoint_with_the_same_image_and_variables()
    {
        var asterisk = _manifest.Resource("asterisk");
        var mount = asterisk.GetProperty("bindMounts").EnumerateArray().Single();
        Assert.True(mount.GetProperty("readOnly").GetBoolean());
        var script = asterisk.GetProperty("args").EnumerateArray().Single().GetString()!;
        var target = mount.GetProperty("target").GetString()!;
        Assert.StartsWith(target + "/", script, StringComparison.Ordinal);
        Assert.True(File.Exists(RepositoryLayout.PathOf(mount.GetProperty("source").GetString()!, script[(target.Length + 1)..])));

        Assert.Equal(["/bin/sh", script], _compose.Sequence("asterisk", "entrypoint"));
        Assert.Equal(asterisk.GetProperty("entrypoint").GetString(), _compose.Sequence("asterisk", "entrypoint")[0]);
        Assert.Contains($"./{mount.GetProperty("source").GetString()}:{target}:ro", _compose.Sequence("asterisk", "volumes"));
        Assert.Equal(asterisk.GetProperty("image").GetString(), ComposeFile.DefaultOf(_compose.Scalar("asterisk", "image")!));
        Assert.Equal(_manifest.Resource("redis").GetProperty("image").GetString(), _compose.Scalar("sip-redis", "image"));

        // Everything the entrypoint substitutes, and nothing else, reaches the container.
        var entrypointVariables = EntrypointVariables();
        var manifestKeys = _manifest.Environment("asterisk").Keys.ToHashSet();
        var composeKeys = _compose.Environment("asterisk").Keys.ToHashSet();
        Assert.Subset(entrypointVariables.Required, manifestKeys);
        Assert.Subset(entrypointVariables.Required.Union(entrypointVariables.Optional).ToHashSet(), composeKeys);
        Assert.Subset(composeKeys, manifestKeys);
        Assert.Subset(entrypointVariables.Required.Union(entrypointVariables.Optional).ToHashSet(), composeKeys);
    }

    [Fact]
    public void SIP_is_published_on_5060_udp_and_AMI_is_not_published()
    {
        var bindings = _manifest.Bindings("asterisk").ToDictionary(b => b.Name, b => b.Binding);
        var sip = bindings.Values.Where(b => b.TryGetProperty("external", out var e) && e.GetBoolean()).ToList();
        Assert.Contains("udp", sip.Select(b => b.GetProperty("protocol").GetString()));
        Assert.All(sip, b => Assert.Equal(5060, b.GetProperty("targetPort").GetInt32()));
        Assert.All(sip, b => Assert.False(b.TryGetProperty("port", out _), "the host port must equal the container port"));
        Assert.Equal(5038, bindings["ami"].GetProperty("targetPort").GetInt32());
        Assert.False(bindings["ami"].TryGetProperty("external", out _));

        Assert.Equal(["5060:5060/udp"], _compose.Sequence("asterisk", "ports"));
        Assert.DoesNotContain(_compose.ServiceNames.SelectMany(s => _compose.Sequence(s, "ports")), p => p.Contains("5038", StringComparison.Ordinal));
        Assert.All(_compose.Sequence("sip-monitor", "ports"), p => Assert.StartsWith("127.0.0.1:", p, StringComparison.Ordinal));
    }

    [Fact]
    public void The_monitor_port_with_the_call_list_is_published_on_loopback_only()
    {
        // The port serves /calls and /api/calls: caller names and numbers must not reach the LAN.
        var ports = _compose.Sequence("sip-monitor", "ports").ToList();

        Assert.NotEmpty(ports);
        Assert.All(ports, p => Assert.Matches(@"^127\.0\.0\.1:\$\{SIP_MONITOR_PORT:-[0-9]+\}:8080$", p));
    }

    [Theory]
    [InlineData("manifest")]
    [InlineData("compose")]
    public void Every_environment_variable_passed_to_the_monitor_is_one_it_reads(string source)
    {
        var environment = source == "manifest" ? _manifest.Environment("monitor") : _compose.Environment("sip-monitor");

        Assert.NotEmpty(environment);
        Assert.All(environment.Keys, key => Assert.True(MonitorConfigurationKeys.IsReadByMonitor(key), $"{source} passes {key}, which the monitor does not read"));
        Assert.Contains("AMI_SECRET", environment.Keys);
        Assert.Contains("RENFIELD_WEBHOOK_URL", environment.Keys);
        Assert.Contains("ConnectionStrings__redis", environment.Keys);
    }

    [Fact]
    public void Manifest_and_compose_configure_the_monitor_alike()
    {
        var manifest = _manifest.Environment("monitor");
        var compose = _compose.Environment("sip-monitor");

        var manifestKeys = manifest.Keys.Where(k => !MonitorConfigurationKeys.IsPlatformVariable(k)).ToHashSet();
        Assert.Subset(compose.Keys.ToHashSet(), manifestKeys);
        foreach (var fixedKey in new[] { "AMI_USERNAME", "PHONEBOOK_PATH" })
        {
            Assert.Equal(manifest[fixedKey], compose[fixedKey]);
        }

        Assert.Equal("5038", compose["AMI_PORT"]);
        Assert.Equal("{asterisk.bindings.ami.port}", manifest["AMI_PORT"]);
        Assert.Equal("asterisk", compose["AMI_HOST"]);
        Assert.Equal("{asterisk.bindings.ami.host}", manifest["AMI_HOST"]);
        Assert.StartsWith("http://backend:8000/api/notifications/webhook", ComposeFile.DefaultOf(compose["RENFIELD_WEBHOOK_URL"]), StringComparison.Ordinal);

        // The phonebook path points into the read-only mount of config/sip.
        var phonebook = compose["PHONEBOOK_PATH"];
        var mount = _compose.Sequence("sip-monitor", "volumes").Single(v => v.StartsWith("./config/sip:", StringComparison.Ordinal));
        var target = mount.Split(':')[1];
        Assert.EndsWith(":ro", mount, StringComparison.Ordinal);
        Assert.StartsWith(target + "/", phonebook, StringComparison.Ordinal);
        Assert.Equal("phonebook.yaml", phonebook[(target.Length + 1)..]);
        Assert.True(Directory.Exists(RepositoryLayout.PathOf("config", "sip")));

        // The monitor starts only when AMI answers (the compose form of WaitFor).
        var dependsOn = (YamlDotNet.RepresentationModel.YamlMappingNode)_compose.Service("sip-monitor")["depends_on"];
        Assert.Equal("service_healthy", ((YamlDotNet.RepresentationModel.YamlScalarNode)((YamlDotNet.RepresentationModel.YamlMappingNode)dependsOn["asterisk"])["condition"]).Value);
    }

    [Fact]
    public void The_answering_machines_recordings_are_one_volume_Asterisk_writes_and_the_monitor_reads_where_it_looks()
    {
        const string Recordings = "/var/spool/asterisk/renfield-voicemail";
        Assert.Contains("sip-voicemail:" + Recordings, _compose.Sequence("asterisk", "volumes"));
        Assert.Contains("sip-voicemail", _compose.Volumes);
        var monitorMount = _compose.Sequence("sip-monitor", "volumes").Single(v => v.StartsWith("sip-voicemail:", StringComparison.Ordinal));
        Assert.Equal("sip-voicemail:" + _compose.Environment("sip-monitor")["Voicemail__Directory"], monitorMount);
        Assert.Contains("999", _compose.Sequence("sip-monitor", "group_add"));
        Assert.Contains($": \"${{VOICEMAIL_DIR:={Recordings}}}\"", File.ReadAllText(EntrypointHarness.EntrypointPath), StringComparison.Ordinal);

        var volume = _manifest.Resource("asterisk").GetProperty("volumes").EnumerateArray().Single();
        Assert.Equal(("sip-voicemail", Recordings, false), (volume.GetProperty("name").GetString(), volume.GetProperty("target").GetString(), volume.GetProperty("readOnly").GetBoolean()));
        Assert.Equal("/voicemail", _manifest.Environment("monitor")["Voicemail__Directory"]);
    }

    [Fact]
    public void No_secret_is_written_into_either_file()
    {
        foreach (var resource in _manifest.Resources.EnumerateObject())
        {
            foreach (var (key, value) in _manifest.Resources.GetProperty(resource.Name).TryGetProperty("env", out _) ? _manifest.Environment(resource.Name) : [])
            {
                if (MonitorConfigurationKeys.SecretEnvironmentVariables.Contains(key))
                {
                    var parameter = ParameterReference().Match(value);
                    Assert.True(parameter.Success && parameter.Value == value, $"{resource.Name}.{key} must be a parameter reference, not '{value}'");
                    var input = _manifest.Resource(parameter.Groups["name"].Value).GetProperty("inputs").GetProperty("value");
                    Assert.True(input.GetProperty("secret").GetBoolean(), $"{parameter.Groups["name"].Value} must be a secret parameter");
                    Assert.False(input.TryGetProperty("default", out var d) && d.TryGetProperty("value", out _), "a secret must not have a published default");
                }
            }
        }

        foreach (var service in _compose.ServiceNames)
        {
            foreach (var (key, value) in _compose.Environment(service))
            {
                if (MonitorConfigurationKeys.SecretEnvironmentVariables.Contains(key))
                {
                    Assert.Matches(@"^\$\{[A-Z_]+(:\?[^}]*|:-)?\}$", value);
                }
            }
        }

        // "changeme" (the placeholder other compose files ship) is no value or default anywhere.
        foreach (var file in new[] { "aspire-manifest.json", "docker-compose.yml", ".env.example" })
        {
            Assert.DoesNotMatch(@"(?i)(=|:-|"":\s*"")\s*changeme", File.ReadAllText(RepositoryLayout.PathOf(file)));
        }
    }

    [Fact]
    public void The_env_example_names_every_variable_the_compose_file_reads()
    {
        var example = File.ReadAllText(RepositoryLayout.PathOf(".env.example"));
        var compose = File.ReadAllText(RepositoryLayout.PathOf("docker-compose.yml"));

        var variables = ComposeVariable().Matches(compose).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal).ToList();
        Assert.Contains("AMI_SECRET", variables);
        Assert.All(variables, name => Assert.Matches($@"(?m)^#? ?{name}=", example));
    }

    private static (HashSet<string> Required, HashSet<string> Optional) EntrypointVariables()
    {
        var script = File.ReadAllText(EntrypointHarness.EntrypointPath);
        HashSet<string> Read(string variable) =>
            Regex.Match(script, $"(?m)^{variable}=\"(?<names>[A-Z_ ]+)\"$").Groups["names"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var required = Read("REQUIRED_VARS");
        var optional = Read("OPTIONAL_VARS");
        optional.UnionWith(Read("VOICEMAIL_VARS"));
        Assert.NotEmpty(required);
        return (required, optional);
    }

    [GeneratedRegex(@"^\{(?<name>[a-z0-9-]+)\.value\}$")]
    private static partial Regex ParameterReference();

    [GeneratedRegex(@"\$\{(?<name>[A-Z_]+)[:}]")]
    private static partial Regex ComposeVariable();
}
