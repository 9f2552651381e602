namespace RenfieldSip.Tests.Config;

/// <summary>
/// The answering machine's settings as config/asterisk/entrypoint.sh renders and refuses them, and the dialplan's
/// promises the monitor relies on. What Asterisk does with them is checked on a real one (Sip/RealAsteriskVoicemailTests).
/// </summary>
public sealed class AnsweringMachineTemplateTests : IDisposable
{
    private readonly EntrypointHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    /// <summary>The dialplan template as rendered with every VOICEMAIL_* setting left at its default.</summary>
    internal static string WithDefaults(string template, string templateDirectory) => template
        .Replace("${VOICEMAIL_ENABLED}", "true", StringComparison.Ordinal)
        .Replace("${VOICEMAIL_RING_SECONDS}", "20", StringComparison.Ordinal)
        .Replace("${VOICEMAIL_MAX_SECONDS}", "120", StringComparison.Ordinal)
        .Replace("${VOICEMAIL_DIR}", "/var/spool/asterisk/renfield-voicemail", StringComparison.Ordinal)
        .Replace("${VOICEMAIL_SOUNDS_DIR}", templateDirectory + "/sounds", StringComparison.Ordinal);

    [Theory]
    [InlineData(EntrypointShell.SystemShell)]
    [InlineData(EntrypointShell.Busybox)]
    public async Task Unset_settings_render_their_defaults(EntrypointShell shell)
    {
        var result = await _harness.RenderAsync(shell, EntrypointHarness.ValidEnvironment(), TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, result.StandardError);
        var machine = Steps(_harness.RenderedDocument("extensions.conf").Section("renfield-answering-machine"));
        Assert.Equal("Wait(20)", machine[0]);
        Assert.Contains("Set(RENFIELD_VOICEMAIL_PATH=/var/spool/asterisk/renfield-voicemail/${RENFIELD_VOICEMAIL})", machine);
        Assert.Contains("Record(${RENFIELD_VOICEMAIL_PATH},5,120,kq)", machine);
        Assert.Contains($"Set(RENFIELD_GREETING={_harness.TemplateDirectory}/sounds/greeting)", machine);
        Assert.DoesNotContain("${VOICEMAIL_", _harness.Rendered("extensions.conf"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_values_reach_the_dialplan()
    {
        var environment = EntrypointHarness.ValidEnvironment();
        environment["VOICEMAIL_RING_SECONDS"] = "3";
        environment["VOICEMAIL_MAX_SECONDS"] = "60";
        environment["VOICEMAIL_DIR"] = "/data/voicemail";
        environment["VOICEMAIL_SOUNDS_DIR"] = "/data/sounds";

        var result = await _harness.RenderAsync(EntrypointShell.SystemShell, environment, TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, result.StandardError);
        var machine = Steps(_harness.RenderedDocument("extensions.conf").Section("renfield-answering-machine"));
        Assert.Equal("Wait(3)", machine[0]);
        Assert.Contains("Set(RENFIELD_VOICEMAIL_PATH=/data/voicemail/${RENFIELD_VOICEMAIL})", machine);
        Assert.Contains("Record(${RENFIELD_VOICEMAIL_PATH},5,60,kq)", machine);
        Assert.Contains("Set(RENFIELD_GREETING=/data/sounds/greeting)", machine);
    }

    [Fact]
    public async Task Disabled_keeps_ring_and_reject()
    {
        var environment = EntrypointHarness.ValidEnvironment();
        environment["VOICEMAIL_ENABLED"] = "false";

        var result = await _harness.RenderAsync(EntrypointShell.SystemShell, environment, TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, result.StandardError);
        var incoming = Steps(_harness.RenderedDocument("extensions.conf").Section("incoming-calls"));
        var toMachine = incoming.FindIndex(a => a.StartsWith("GotoIf($[\"false\" = \"true\"]?renfield-answering-machine,s,1)", StringComparison.Ordinal));
        Assert.True(toMachine >= 0, string.Join(" | ", incoming));
        Assert.Equal(["Wait(30)", "Hangup(21)"], incoming.Skip(toMachine + 1).Take(2));
    }

    [Theory]
    [InlineData("VOICEMAIL_ENABLED", "yes", "VOICEMAIL_ENABLED must be true or false")]
    [InlineData("VOICEMAIL_RING_SECONDS", "0", "VOICEMAIL_RING_SECONDS must be between 1 and 300")]
    [InlineData("VOICEMAIL_RING_SECONDS", "20s", "VOICEMAIL_RING_SECONDS must be a whole number")]
    [InlineData("VOICEMAIL_RING_SECONDS", "99999999999999999999", "VOICEMAIL_RING_SECONDS must be between 1 and 300")]
    [InlineData("VOICEMAIL_MAX_SECONDS", "4", "VOICEMAIL_MAX_SECONDS must be between 5 and 3600")]
    [InlineData("VOICEMAIL_MAX_SECONDS", "-5", "VOICEMAIL_MAX_SECONDS must be a whole number")]
    [InlineData("VOICEMAIL_DIR", "voicemail", "VOICEMAIL_DIR must be an absolute path")]
    [InlineData("VOICEMAIL_DIR", "/data/a,b", "VOICEMAIL_DIR may hold only")]
    [InlineData("VOICEMAIL_SOUNDS_DIR", "/data/$(id)", "VOICEMAIL_SOUNDS_DIR may hold only")]
    public async Task A_bad_setting_stops_the_container_naming_it(string name, string value, string message)
    {
        var environment = EntrypointHarness.ValidEnvironment();
        environment[name] = value;

        var result = await _harness.RenderAsync(EntrypointShell.SystemShell, environment, TestContext.Current.CancellationToken);

        Assert.Equal(64, result.ExitCode);
        Assert.Contains(message, result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_message_is_named_after_the_call_and_announced_from_the_hangup_extension_only()
    {
        var result = await _harness.RenderAsync(EntrypointShell.SystemShell, EntrypointHarness.ValidEnvironment(), TestContext.Current.CancellationToken);
        Assert.True(result.ExitCode == 0, result.StandardError);
        var section = _harness.RenderedDocument("extensions.conf").Section("renfield-answering-machine");
        var text = string.Join("\n", section.Entries.Select(e => e.Value));

        // The file name comes from the Uniqueid only: a withheld caller's number must never reach a path.
        Assert.Contains("Set(RENFIELD_VOICEMAIL=${STRREPLACE(UNIQUEID,.,-)}.wav)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("CALLERID", text, StringComparison.Ordinal);
        var events = section.Entries.Where(e => e.Value.Contains("UserEvent(", StringComparison.Ordinal)).ToList();
        var voicemail = Assert.Single(events);
        Assert.Contains("UserEvent(RenfieldVoicemail,Uniqueid: ${UNIQUEID},File: ${RENFIELD_VOICEMAIL},Milliseconds: ${RECORDING_INFO(duration)}", voicemail.Value, StringComparison.Ordinal);

        // Answer() comes after the ring time, the tone after the greeting, Record after the tone.
        var machine = Steps(section);
        var answer = machine.IndexOf("Answer()");
        var playback = machine.FindIndex(a => a.StartsWith("Playback(", StringComparison.Ordinal));
        var tone = machine.FindIndex(a => a.StartsWith("Playtones(", StringComparison.Ordinal));
        var record = machine.FindIndex(a => a.StartsWith("Record(", StringComparison.Ordinal));
        Assert.True(answer > 0 && answer < playback && playback < tone && tone < record, string.Join(" | ", machine));
    }

    [Fact]
    public void The_generated_greeting_is_8_kHz_16_bit_mono_wav()
    {
        var bytes = File.ReadAllBytes(RepositoryLayout.PathOf("config", "asterisk", "sounds", "renfieldsip-greeting.wav"));

        Assert.Equal("RIFF"u8.ToArray(), bytes[..4]);
        Assert.Equal("WAVE"u8.ToArray(), bytes[8..12]);
        Assert.Equal(1, BitConverter.ToInt16(bytes, 20));
        Assert.Equal(1, BitConverter.ToInt16(bytes, 22));
        Assert.Equal(8000, BitConverter.ToInt32(bytes, 24));
        Assert.Equal(16, BitConverter.ToInt16(bytes, 34));
        Assert.InRange((bytes.Length - 44) / 16000.0, 2.0, 12.0);
    }

    /// <summary>The applications of a context's steps, in order (the extension and priority cut off).</summary>
    private static List<string> Steps(AsteriskConfigSection section) =>
        [.. section.Entries
            .Where(e => e.Key is "exten" or "same")
            .Select(e => e.Key == "exten" ? e.Value.Split(',', 3)[2] : e.Value.Split(',', 2)[1])];
}
