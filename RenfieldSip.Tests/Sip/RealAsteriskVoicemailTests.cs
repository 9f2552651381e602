using System.Globalization;
using RenfieldSip.Tests.Config;
using RenfieldSip.Tests.EndToEnd;

namespace RenfieldSip.Tests.Sip;

/// <summary>
/// The answering machine on a real Asterisk 20.20.1 from the project's templates: sipp waits for the answer, waits out
/// the greeting and the tone, and sends real G.711 a-law RTP (Debian's g711a.pcap, 7.08 s of speech); the recording
/// Asterisk saves and the UserEvent it sends are checked against what was sent.
/// </summary>
[Collection(RealAsteriskTier.Name)]
public sealed class RealAsteriskVoicemailTests(VoicemailRigFixture fixture) : IClassFixture<VoicemailRigFixture>
{
    private static readonly TimeSpan Sent = SpokenMessage.Sent;

    private static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan StartMargin = SpokenMessage.StartMargin;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_message_left_after_the_greeting_is_saved_with_the_length_sent_and_reported_by_a_UserEvent()
    {
        var rig = fixture.Rig;

        var exit = await LeaveMessageAsync(rig, ("+491701234567", "Max Mustermann", "+4930123456", "X-Renfield-Test: shown", "X-Renfield-Test: shown"));
        var message = await fixture.Tap.WaitForAsync(
            e => IsVoicemail(e) && AmiEventTap.Value(e, "CallerIDNum") == "+491701234567", "the RenfieldVoicemail UserEvent", HangGuard, Cancellation);
        var path = await WaitForClosedFileAsync(message);
        var hungUpSeen = DateTimeOffset.UtcNow;
        var recording = WavFile.Read(path);

        Assert.Equal(0, exit);
        Assert.Equal("HANGUP", AmiEventTap.Value(message, "Status"));
        Assert.Equal($"{AmiEventTap.Value(message, "Uniqueid")!.Replace('.', '-')}.wav", AmiEventTap.Value(message, "File"));
        Assert.Equal((8000, 1, 16), (recording.SampleRate, recording.Channels, recording.BitsPerSample));
        Assert.InRange(recording.Length, Sent - Tolerance, Sent + Tolerance);
        // Record counts from the tone to the hangup, so it includes the quiet before sipp's first packet.
        var reported = TimeSpan.FromMilliseconds(int.Parse(AmiEventTap.Value(message, "Milliseconds")!, CultureInfo.InvariantCulture));
        Assert.InRange(reported, recording.Length - Tolerance, recording.Length + StartMargin + Tolerance);

        // Speech, not silence: the a-law sample's RMS is in the thousands; the silence Asterisk would write is 0.
        Assert.True(recording.Rms > 500, $"RMS {recording.Rms:F0}: the recording is (nearly) silent");

        // The monitor: one sip.voicemail webhook, after the call's own announcement, with the caller as announced.
        var requests = await rig.Renfield.WaitForAsync(
            all => all.Any(r => r.JsonString("event_type") == "sip.voicemail" && r.CallerDigits == "491701234567"), "the voicemail webhook", HangGuard);
        var ofCaller = requests.Where(r => r.CallerDigits == "491701234567").ToList();
        var voicemail = Assert.Single(ofCaller, r => r.JsonString("event_type") == "sip.voicemail");
        Assert.Equal("sip.incoming_call", ofCaller[0].JsonString("event_type"));
        Assert.Equal($"Neue Sprachnachricht von Max Mustermann (0:0{(int)Math.Round(recording.Length.TotalSeconds)})", voicemail.JsonString("title"));
        Assert.True(voicemail.Json!.Value.GetProperty("tts").GetBoolean());
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"message {new FileInfo(path).Length} bytes, {recording.Length.TotalSeconds:F2} s; Record reported {reported.TotalSeconds:F2} s; "
            + $"sip.voicemail webhook {(voicemail.ArrivedAt - hungUpSeen).TotalMilliseconds:F0} ms after the test saw the Hangup event");

        // The history joins the message to the call; the audio streams with ranges; deleting removes it.
        var callId = AmiEventTap.Value(message, "Uniqueid")!;
        using var http = EndToEndHarness.Client(rig.Monitor, TimeSpan.FromSeconds(30));
        var record = await WaitForVoicemailRecordAsync(http, callId);
        Assert.InRange(record.GetProperty("duration_seconds").GetDouble(), recording.Length.TotalSeconds - 0.05, recording.Length.TotalSeconds + 0.05);
        Assert.False(record.GetProperty("heard").GetBoolean());
        Assert.Equal("delivered", record.GetProperty("announcement").GetString());
        var audioUrl = record.GetProperty("audio_url").GetString()!;

        using var whole = await http.GetAsync(new Uri(audioUrl, UriKind.Relative), Cancellation);
        Assert.Equal(System.Net.HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal("audio/wav", whole.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await File.ReadAllBytesAsync(path, Cancellation), await whole.Content.ReadAsByteArrayAsync(Cancellation));
        using var ranged = new HttpRequestMessage(HttpMethod.Get, new Uri(audioUrl, UriKind.Relative));
        ranged.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(44, 1043);
        using var part = await http.SendAsync(ranged, Cancellation);
        Assert.Equal(System.Net.HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(1000, (await part.Content.ReadAsByteArrayAsync(Cancellation)).Length);
        Assert.True((await WaitForVoicemailRecordAsync(http, callId)).GetProperty("heard").GetBoolean());

        using var deleted = await http.DeleteAsync(new Uri(audioUrl, UriKind.Relative), Cancellation);
        using var gone = await http.GetAsync(new Uri(audioUrl, UriKind.Relative), Cancellation);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, gone.StatusCode);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task A_second_monitor_started_on_the_same_directory_lists_the_message_with_its_state_in_the_call_list_and_over_MCP()
    {
        var rig = fixture.Rig;
        const string Caller = "+491705555555";

        var exit = await LeaveMessageAsync(rig, (Caller, "Helga", "+4930123456", "X-Renfield-Test: shown", "X-Renfield-Test: shown"));
        var message = await fixture.Tap.WaitForAsync(
            e => IsVoicemail(e) && AmiEventTap.Value(e, "CallerIDNum") == Caller, "the RenfieldVoicemail UserEvent", HangGuard, Cancellation);
        var path = await WaitForClosedFileAsync(message);
        var length = WavFile.Read(path).Length;
        var callId = AmiEventTap.Value(message, "Uniqueid")!;
        using (var http = EndToEndHarness.Client(rig.Monitor, TimeSpan.FromSeconds(30)))
        {
            await WaitForVoicemailRecordAsync(http, callId);
        }

        // Heard on the first monitor, as Renfield's agent marks it.
        await using (var agent = await Mcp.McpTestClient.ConnectAsync(rig.Monitor, Cancellation))
        {
            await Mcp.McpTestClient.CallAsync(agent, "mark_message_heard", new() { ["id"] = callId }, Cancellation);
        }

        await using var second = await rig.StartSecondMonitorAsync(Cancellation);
        using var secondHttp = EndToEndHarness.Client(second, TimeSpan.FromSeconds(30));
        var record = await WaitForVoicemailRecordAsync(secondHttp, callId);
        await using var secondAgent = await Mcp.McpTestClient.ConnectAsync(second, Cancellation);
        var (_, structured) = await Mcp.McpTestClient.CallAsync(secondAgent, "list_messages", new() { ["onlyNew"] = false }, Cancellation);
        using var answer = System.Text.Json.JsonDocument.Parse(structured);
        var listed = answer.RootElement.GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("id").GetString() == callId);
        using var audio = await secondHttp.GetAsync(new Uri(record.GetProperty("audio_url").GetString()!, UriKind.Relative), Cancellation);

        Assert.Equal(0, exit);
        Assert.InRange(record.GetProperty("duration_seconds").GetDouble(), length.TotalSeconds - 0.05, length.TotalSeconds + 0.05);
        Assert.True(record.GetProperty("heard").GetBoolean());
        Assert.Equal("delivered", record.GetProperty("announcement").GetString());
        Assert.Equal("Oma Helga", listed.GetProperty("caller_name").GetString());
        Assert.True(listed.GetProperty("heard").GetBoolean());
        Assert.InRange(listed.GetProperty("seconds").GetDouble(), length.TotalSeconds - 0.05, length.TotalSeconds + 0.05);
        Assert.Equal(await File.ReadAllBytesAsync(path, Cancellation), await audio.Content.ReadAsByteArrayAsync(Cancellation));
        Assert.True(File.Exists(Path.ChangeExtension(path, ".json")), "no sidecar beside the recording");
        Assert.Contains(" 0 recordings found without their metadata", Assert.Single(second.Logs.GetSnapshot(), r => r.Id.Id == 1913).Message, StringComparison.Ordinal);
    }

    private static async Task<System.Text.Json.JsonElement> WaitForVoicemailRecordAsync(HttpClient http, string callId)
    {
        System.Text.Json.JsonElement found = default;
        await Support.Poll.UntilAsync(
            async () =>
            {
                using var response = await http.GetAsync(new Uri("/api/calls", UriKind.Relative), Cancellation);
                var page = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation)).RootElement;
                foreach (var call in page.GetProperty("calls").EnumerateArray())
                {
                    if (call.GetProperty("call_id").GetString() == callId && call.TryGetProperty("voicemail", out var voicemail)
                        && voicemail.TryGetProperty("announcement", out var announcement) && announcement.ValueKind == System.Text.Json.JsonValueKind.String)
                    {
                        found = voicemail.Clone();
                        return true;
                    }
                }

                return false;
            },
            "the call's record with its announced message",
            HangGuard,
            Cancellation);
        return found;
    }

    [Fact]
    public async Task A_withheld_caller_leaves_a_message_and_the_number_is_in_neither_the_file_name_nor_the_event()
    {
        var rig = fixture.Rig;

        var exit = await LeaveMessageAsync(rig, ("anonymous", "Anonymous", "+4930123456", "P-Asserted-Identity: \"Geheim\" <sip:+491709876543@test-provider.invalid>", "Privacy: id"));
        var message = await fixture.Tap.WaitForAsync(
            e => IsVoicemail(e) && AmiEventTap.Value(e, "CallerIDNum") == "anonymous", "the withheld caller's RenfieldVoicemail", HangGuard, Cancellation);
        var path = await WaitForClosedFileAsync(message);

        Assert.Equal(0, exit);
        Assert.InRange(WavFile.Read(path).Length, Sent - Tolerance, Sent + Tolerance);
        Assert.All(message, field => Assert.DoesNotContain("9876543", field.Value, StringComparison.Ordinal));
        var announced = await rig.Renfield.WaitForAsync(
            all => all.Any(r => r.JsonString("event_type") == "sip.voicemail" && r.JsonString("title")!.Contains("anonymen", StringComparison.Ordinal)),
            "the withheld caller's voicemail webhook",
            HangGuard);
        Assert.StartsWith("Neue Sprachnachricht von einem anonymen Anrufer (0:0", announced.Last(r => r.JsonString("event_type") == "sip.voicemail").JsonString("title"), StringComparison.Ordinal);
        Assert.All(announced, r => Assert.DoesNotContain("9876543", System.Text.Encoding.UTF8.GetString(r.Body), StringComparison.Ordinal));
        Assert.All(rig.Monitor.Logs.GetSnapshot(), r => Assert.DoesNotContain("9876543", r.Message, StringComparison.Ordinal));
        Assert.All(Directory.EnumerateFiles(rig.VoicemailDirectory), f => Assert.DoesNotContain("9876543", f, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_caller_who_hangs_up_during_the_greeting_leaves_no_message()
    {
        var rig = fixture.Rig;
        const string Caller = "+491702223333";

        var csv = await WriteCallerAsync(rig, (Caller, "Kurz", "+4930123456", "X-Renfield-Test: shown", "X-Renfield-Test: shown"));
        var exit = await rig.SendAsync(
            "provider-answered-hangup.xml",
            ["-inf", csv, "-key", "ruri", rig.LineUri("+4930123456", fixture.Line), "-d", "1000", "-mi", "127.0.0.1", "-mp", RtpPort(), "-m", "1"],
            "127.0.0.1",
            Cancellation);
        var hangup = await fixture.Tap.WaitForAsync(
            e => AmiEventTap.Value(e, "Event") == "Hangup" && AmiEventTap.Value(e, "CallerIDNum") == Caller, "the early caller's Hangup", HangGuard, Cancellation);

        Assert.Equal(0, exit);
        var uniqueId = AmiEventTap.Value(hangup, "Uniqueid")!;
        Assert.DoesNotContain(fixture.Tap.Events, e => IsVoicemail(e) && AmiEventTap.Value(e, "Uniqueid") == uniqueId);
        Assert.False(File.Exists(Path.Combine(rig.VoicemailDirectory, uniqueId.Replace('.', '-') + ".wav")));
    }

    private static bool IsVoicemail(IReadOnlyList<KeyValuePair<string, string>> e) =>
        AmiEventTap.Value(e, "Event") == "UserEvent" && AmiEventTap.Value(e, "UserEvent") == "RenfieldVoicemail";

    private static string RtpPort() => FreePorts.Udp().ToString(CultureInfo.InvariantCulture);

    private static async Task<string> WriteCallerAsync(SipRig rig, (string Caller, string Name, string Did, string Header1, string Header2) call)
    {
        var csv = Path.Combine(rig.VoicemailDirectory, "..", $"voicemail-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(csv, ["SEQUENTIAL", $"{call.Caller};{call.Name};{call.Did};{call.Header1};{call.Header2}"], Cancellation);
        return csv;
    }

    /// <summary>Asterisk closes the recording with the channel: the file is final once the call's Hangup event came.</summary>
    private async Task<string> WaitForClosedFileAsync(IReadOnlyList<KeyValuePair<string, string>> message)
    {
        var uniqueId = AmiEventTap.Value(message, "Uniqueid");
        await fixture.Tap.WaitForAsync(
            e => AmiEventTap.Value(e, "Event") == "Hangup" && AmiEventTap.Value(e, "Uniqueid") == uniqueId, "the message's Hangup", HangGuard, Cancellation);
        var path = Path.Combine(fixture.Rig.VoicemailDirectory, AmiEventTap.Value(message, "File")!);
        Assert.True(File.Exists(path), $"no {path}");
        return path;
    }

    private async Task<int> LeaveMessageAsync(SipRig rig, (string Caller, string Name, string Did, string Header1, string Header2) call)
    {
        var csv = await WriteCallerAsync(rig, call);
        return await rig.SendAsync(
            SpokenMessage.Scenario,
            ["-inf", csv, "-key", "ruri", rig.LineUri("+4930123456", fixture.Line), "-d", SpokenMessage.GreetingPauseMilliseconds(), "-mi", "127.0.0.1", "-mp", RtpPort(), "-m", "1"],
            "127.0.0.1",
            Cancellation);
    }
}
