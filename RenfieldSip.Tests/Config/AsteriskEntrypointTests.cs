namespace RenfieldSip.Tests.Config;

public sealed class AsteriskEntrypointTests : IDisposable
{
    private readonly EntrypointHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Theory]
    [InlineData(EntrypointShell.SystemShell)]
    [InlineData(EntrypointShell.Busybox)]
    public async Task Renders_allowlisted_variables_and_leaves_dialplan_variables_alone(EntrypointShell shell)
    {
        const string Probe = """
            [probe]
            registrar = ${SIP_REGISTRAR}
            dialplan = ${EXTEN} ${CALLERID(num)} ${UNIQUEID} ${CALLERID(pres):0:6} $[${EXTEN:1}]
            foreign = ${HOME} ${PATH} ${SIP_UNKNOWN}
            unterminated = ${SIP_USERNAME
            """;
        File.WriteAllText(Path.Combine(_harness.TemplateDirectory, "probe.conf"), Probe + "\n");

        var result = await _harness.RenderAsync(shell, EntrypointHarness.ValidEnvironment(), TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, result.StandardError);
        var probe = _harness.Rendered("probe.conf");
        Assert.Contains("registrar = sipconnect.sipgate.de\n", probe, StringComparison.Ordinal);
        Assert.Contains("dialplan = ${EXTEN} ${CALLERID(num)} ${UNIQUEID} ${CALLERID(pres):0:6} $[${EXTEN:1}]\n", probe, StringComparison.Ordinal);
        Assert.Contains("foreign = ${HOME} ${PATH} ${SIP_UNKNOWN}\n", probe, StringComparison.Ordinal);
        Assert.Contains("unterminated = ${SIP_USERNAME\n", probe, StringComparison.Ordinal);

        // The dialplan names only the answering machine's settings; everything else must come out byte for byte.
        Assert.Equal(
            AnsweringMachineTemplateTests.WithDefaults(File.ReadAllText(Path.Combine(_harness.TemplateDirectory, "extensions.conf")), _harness.TemplateDirectory),
            _harness.Rendered("extensions.conf"));
        foreach (var file in Directory.EnumerateFiles(_harness.TargetDirectory, "*.conf"))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain("${SIP_REGISTRAR}", text, StringComparison.Ordinal);
            Assert.DoesNotContain("${SIP_PASSWORD}", text, StringComparison.Ordinal);
            Assert.DoesNotContain("${AMI_SECRET}", text, StringComparison.Ordinal);
        }

        var pjsip = _harness.RenderedDocument("pjsip.conf");
        Assert.Equal("sip:1234567e0@sipconnect.sipgate.de", pjsip.Section("sip-provider").SingleValueOf("client_uri"));
    }

    [Theory]
    [InlineData(EntrypointShell.SystemShell, "pa$$word&/\\;'\"${AMI_SECRET}")]
    [InlineData(EntrypointShell.SystemShell, "\\;;;\\\\;end\\")]
    [InlineData(EntrypointShell.SystemShell, "&amp; \\1 \\& $0 $HOME %s")]
    [InlineData(EntrypointShell.Busybox, "pa$$word&/\\;'\"${AMI_SECRET}")]
    [InlineData(EntrypointShell.Busybox, "\\;;;\\\\;end\\")]
    [InlineData(EntrypointShell.Busybox, "&amp; \\1 \\& $0 $HOME %s")]
    public async Task Secrets_with_shell_awk_and_config_metacharacters_survive_exactly(EntrypointShell shell, string secret)
    {
        var environment = EntrypointHarness.ValidEnvironment();
        environment["SIP_PASSWORD"] = secret;
        environment["AMI_SECRET"] = "ami-secret-" + secret;

        var result = await _harness.RenderAsync(shell, environment, TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal(secret, _harness.RenderedDocument("pjsip.conf").Section("sip-provider-auth").SingleValueOf("password"));
        Assert.Equal("ami-secret-" + secret, _harness.RenderedDocument("manager.conf").Section("callmonitor").SingleValueOf("secret"));
        Assert.Contains("password = " + secret.Replace(";", "\\;", StringComparison.Ordinal) + "\n", _harness.Rendered("pjsip.conf"), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, result.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(EntrypointShell.SystemShell, "SIP_REGISTRAR")]
    [InlineData(EntrypointShell.SystemShell, "SIP_USERNAME")]
    [InlineData(EntrypointShell.SystemShell, "SIP_PASSWORD")]
    [InlineData(EntrypointShell.SystemShell, "AMI_SECRET")]
    [InlineData(EntrypointShell.Busybox, "AMI_SECRET")]
    public async Task A_missing_required_variable_stops_the_container_naming_it(EntrypointShell shell, string name)
    {
        var environment = EntrypointHarness.ValidEnvironment();
        environment[name] = null;

        var result = await _harness.RenderAsync(shell, environment, TestContext.Current.CancellationToken);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(name, result.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_harness.TargetDirectory) && Directory.EnumerateFiles(_harness.TargetDirectory).Any(), "nothing may be rendered");
    }

    [Theory]
    [InlineData(EntrypointShell.SystemShell, "changeme", "placeholder")]
    [InlineData(EntrypointShell.SystemShell, "changeme-ami-secret", "placeholder")]
    [InlineData(EntrypointShell.SystemShell, "ChangeMe-AMI-Secret", "placeholder")]
    [InlineData(EntrypointShell.SystemShell, "0123456789abcdef", "placeholder")]
    [InlineData(EntrypointShell.SystemShell, "", "is not set")]
    [InlineData(EntrypointShell.SystemShell, "7f3a9c21e4b0d85", "at least 16 characters")]
    [InlineData(EntrypointShell.Busybox, "changeme", "placeholder")]
    [InlineData(EntrypointShell.Busybox, "7f3a9c21e4b0d85", "at least 16 characters")]
    public async Task A_placeholder_empty_or_short_AMI_secret_is_refused_naming_AMI_SECRET(EntrypointShell shell, string secret, string reason)
    {
        var environment = EntrypointHarness.ValidEnvironment();
        environment["AMI_SECRET"] = secret;

        var result = await _harness.RenderAsync(shell, environment, TestContext.Current.CancellationToken);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("AMI_SECRET", result.StandardError, StringComparison.Ordinal);
        Assert.Contains(reason, result.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_harness.TargetDirectory) && Directory.EnumerateFiles(_harness.TargetDirectory).Any(), "nothing may be rendered");
    }

    [Theory]
    [InlineData(EntrypointShell.SystemShell)]
    [InlineData(EntrypointShell.Busybox)]
    public async Task A_secret_of_exactly_16_characters_is_accepted(EntrypointShell shell)
    {
        var environment = EntrypointHarness.ValidEnvironment();
        environment["AMI_SECRET"] = "7f3a9c21e4b0d85e";

        var result = await _harness.RenderAsync(shell, environment, TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, result.StandardError);
    }

    [Theory]
    [InlineData("SIP_PASSWORD", "first\nsecret = injected")]
    [InlineData("AMI_SECRET", "secret\rread = all")]
    [InlineData("SIP_LOCAL_NET", "10.0.0.0/8\n[evil]")]
    public async Task A_value_spanning_lines_is_refused_so_it_cannot_inject_configuration(string name, string value)
    {
        var environment = EntrypointHarness.ValidEnvironment();
        environment[name] = value;

        var result = await _harness.RenderAsync(EntrypointShell.SystemShell, environment, TestContext.Current.CancellationToken);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(name, result.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(EntrypointShell.SystemShell)]
    [InlineData(EntrypointShell.Busybox)]
    public async Task NAT_settings_appear_only_when_set(EntrypointShell shell)
    {
        var environment = EntrypointHarness.ValidEnvironment();
        environment["SIP_EXTERNAL_ADDRESS"] = "203.0.113.7";

        var result = await _harness.RenderAsync(shell, environment, TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, result.StandardError);
        var pjsip = _harness.RenderedDocument("pjsip.conf");
        var transport = pjsip.Section("transport-udp");
        Assert.Equal("203.0.113.7", transport.SingleValueOf("external_signaling_address"));
        Assert.Equal("203.0.113.7", transport.SingleValueOf("external_media_address"));
        Assert.Empty(transport.ValuesOf("local_net"));
    }
}
