using YamlDotNet.RepresentationModel;

namespace RenfieldSip.Tests.Config;

/// <summary>
/// docker-compose.yml as an attacker on Renfield's network meets it: no service but the monitor shares a network with
/// Asterisk's AMI or with Redis, Redis needs a password, and every container runs with the least it needs.
/// </summary>
public sealed class ComposeHardeningTests
{
    private readonly ComposeFile _compose = ComposeFile.Load();

    [Theory]
    [InlineData("sip-monitor", "256m")]
    [InlineData("sip-redis", "128m")]
    public void Monitor_and_Redis_run_read_only_without_capabilities_or_new_privileges_and_with_a_memory_limit(string service, string memory)
    {
        Assert.Equal("true", _compose.Scalar(service, "read_only"));
        Assert.Equal(["ALL"], _compose.Sequence(service, "cap_drop"));
        Assert.Empty(_compose.Sequence(service, "cap_add"));
        Assert.Equal(["no-new-privileges:true"], _compose.Sequence(service, "security_opt"));
        Assert.Equal(memory, _compose.Scalar(service, "mem_limit"));
        Assert.All(_compose.Sequence(service, "tmpfs"), mount => Assert.StartsWith("/tmp:", mount, StringComparison.Ordinal));
    }

    [Fact]
    public void Asterisk_keeps_only_the_capabilities_its_entrypoint_needs_to_render_and_switch_user()
    {
        Assert.Equal(["ALL"], _compose.Sequence("asterisk", "cap_drop"));
        Assert.Equal(["CHOWN", "DAC_OVERRIDE", "SETGID", "SETUID"], _compose.Sequence("asterisk", "cap_add").Order(StringComparer.Ordinal));
        Assert.Equal(["no-new-privileges:true"], _compose.Sequence("asterisk", "security_opt"));
        Assert.NotNull(_compose.Scalar("asterisk", "mem_limit"));
    }

    [Fact]
    public void Only_the_monitor_shares_a_network_with_AMI_and_with_Redis()
    {
        var asterisk = Networks("asterisk");
        var redis = Networks("sip-redis");
        var monitor = Networks("sip-monitor");

        Assert.DoesNotContain("renfield-network", asterisk);
        Assert.Equal(["sip-data"], redis);
        foreach (var other in _compose.ServiceNames.Where(s => s != "sip-monitor"))
        {
            Assert.All(Networks(other).Where(n => n != "sip-uplink"), n => Assert.True(
                monitor.Contains(n) && _compose.ServiceNames.Where(s => s != "sip-monitor" && Networks(s).Contains(n)).Count() == 1,
                $"{other} shares {n} with a service other than sip-monitor"));
        }

        var networks = (YamlMappingNode)Root()["networks"];
        Assert.All(["sip-ami", "sip-data"], n => Assert.Equal("true", ((YamlScalarNode)((YamlMappingNode)networks[n])["internal"]).Value));
    }

    [Fact]
    public void Redis_demands_the_password_that_reaches_the_monitor_only_in_its_connection_string()
    {
        var monitor = _compose.Environment("sip-monitor");
        var redis = _compose.Environment("sip-redis");
        var command = string.Join(' ', _compose.Sequence("sip-redis", "command"));

        Assert.StartsWith("sip-redis:6379,password=${SIP_REDIS_PASSWORD:?", monitor["ConnectionStrings__redis"], StringComparison.Ordinal);
        Assert.DoesNotContain(monitor, p => p.Key != "ConnectionStrings__redis" && p.Value.Contains("SIP_REDIS_PASSWORD", StringComparison.Ordinal));
        Assert.StartsWith("${SIP_REDIS_PASSWORD:?", redis["REDISCLI_AUTH"], StringComparison.Ordinal);
        Assert.Contains("--requirepass \"$$REDISCLI_AUTH\"", command, StringComparison.Ordinal);
        Assert.StartsWith("${SIP_MONITOR_TOKEN:?", monitor["MONITOR_TOKEN"], StringComparison.Ordinal);
    }

    private List<string> Networks(string service) => _compose.Sequence(service, "networks");

    private static YamlMappingNode Root()
    {
        var stream = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(RepositoryLayout.PathOf("docker-compose.yml")));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
