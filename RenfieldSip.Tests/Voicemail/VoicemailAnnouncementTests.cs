using RenfieldSip.Monitor.History;
using RenfieldSip.Monitor.Voicemail;
using RenfieldSip.Tests.Config;
using RenfieldSip.Tests.EndToEnd;
using RenfieldSip.Tests.History;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Voicemail;

/// <summary>
/// The monitor's way from a finished message to Renfield, in-process over real sockets (AMI test server, Kestrel
/// webhook): the call's rules and the per-message dedup apply, and the message follows its call's announcement.
/// The way from a real Asterisk is <c>Sip/RealAsteriskVoicemailTests</c>.
/// </summary>
public sealed class VoicemailAnnouncementTests : IAsyncLifetime
{
    private const string Phonebook = """
        contacts:
          "+49 170 1234567": "Max Mustermann"
        rules:
          blocked:
            numbers: ["+49 171 9999999"]
            action: silent
        """;

    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private string _directory = null!;
    private EndToEndHarness _harness = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _directory = Directory.CreateTempSubdirectory("renfieldsip-voicemail-").FullName;
        _harness = await EndToEndHarness.StartAsync(new Dictionary<string, string?> { ["Voicemail:Directory"] = _directory }, phonebook: Phonebook);
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_message_is_announced_once_after_its_call_with_the_caller_as_announced()
    {
        var callId = await CallAsync("0170 1234567", 1);

        Leave(callId);
        await WaitForAnnouncementAsync(callId);
        var first = Index.Find(callId)!.Announcement;
        Leave(callId);
        await Poll.UntilAsync(() => Index.Find(callId)?.Announcement == VoicemailAnnouncement.SuppressedByDedup, "the repeated event to be deduplicated", Guard, Cancellation);

        var requests = _harness.RequestsFor("+491701234567");
        Assert.Equal(VoicemailAnnouncement.Delivered, first);
        Assert.Equal(["sip.incoming_call", "sip.voicemail"], requests.Select(r => r.JsonString("event_type")));
        Assert.Equal("Neue Sprachnachricht von Max Mustermann (0:08)", requests[1].JsonString("title"));
        Assert.True(requests[1].Json!.Value.GetProperty("tts").GetBoolean());
    }

    [Fact]
    public async Task A_blocked_callers_message_is_kept_and_listed_but_not_announced()
    {
        var callId = await CallAsync("0171 9999999", 1);

        Leave(callId);
        await WaitForAnnouncementAsync(callId);

        Assert.Equal(VoicemailAnnouncement.BlockedByRule, Index.Find(callId)!.Announcement);
        Assert.DoesNotContain(_harness.Renfield.Requests, r => r.JsonString("event_type") == "sip.voicemail");
        var (_, body) = await CallHistoryApi.GetAsync(_harness.Monitor, "/api/calls", Cancellation);
        Assert.Contains("\"voicemail\":{\"duration_seconds\":7.9", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_file_is_a_named_log_line_and_degraded_health_and_the_message_is_still_announced()
    {
        var callId = await CallAsync("0170 1234567", 1);

        Assert.True(Queue.TryAdd(new VoicemailArrival(callId, "missing-file.wav", 12_000, "HANGUP")));
        await WaitForAnnouncementAsync(callId);

        Assert.Contains(_harness.Monitor.Logs.GetSnapshot(), r => r.Id.Id == 1905 && r.Message.Contains("missing-file.wav", StringComparison.Ordinal));
        Assert.Contains(_harness.RequestsFor("+491701234567"), r => r.JsonString("title") == "Neue Sprachnachricht von Max Mustermann (0:12)");
        using var http = new HttpClient { BaseAddress = _harness.Monitor.BaseAddress };
        var health = await http.GetStringAsync(new Uri("/health", UriKind.Relative), Cancellation);
        Assert.Contains("\"voicemail\":{\"status\":\"Degraded\",\"description\":\"Message file missing-file.wav cannot be read", health, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metadata_that_cannot_be_written_is_a_named_log_line_and_degraded_health_and_the_message_is_still_announced()
    {
        var callId = await CallAsync("0170 1234567", 1);
        // Root writes into any directory, so the obstacle is a directory where the sidecar's temporary file would go.
        Directory.CreateDirectory(Path.Combine(_directory, callId.Replace('.', '-') + ".json.tmp"));

        Leave(callId);
        await WaitForAnnouncementAsync(callId);

        Assert.Equal(VoicemailAnnouncement.Delivered, Index.Find(callId)!.Announcement);
        Assert.Contains(_harness.RequestsFor("+491701234567"), r => r.JsonString("title") == "Neue Sprachnachricht von Max Mustermann (0:08)");
        Assert.Contains(_harness.Monitor.Logs.GetSnapshot(), r => r.Id.Id == 1915 && r.Message.Contains(callId.Replace('.', '-') + ".wav", StringComparison.Ordinal));
        using var http = new HttpClient { BaseAddress = _harness.Monitor.BaseAddress };
        var health = await http.GetStringAsync(new Uri("/health", UriKind.Relative), Cancellation);
        Assert.Contains("\"voicemail\":{\"status\":\"Degraded\",\"description\":\"The metadata of message", health, StringComparison.Ordinal);
    }

    private VoicemailIndex Index => _harness.Monitor.GetRequiredService<VoicemailIndex>();

    private VoicemailQueue Queue => _harness.Monitor.GetRequiredService<VoicemailQueue>();

    private async Task<string> CallAsync(string number, int calls)
    {
        await EndToEndHarness.TestCallAsync(_harness.Monitor, number, null, Cancellation);
        return (await CallHistoryApi.WaitForCallsAsync(_harness.Monitor, calls, Cancellation))[0].GetProperty("call_id").GetString()!;
    }

    /// <summary>The greeting (7.9 s) stands in for a recording; the event is what the dialplan's h extension sends.</summary>
    private void Leave(string callId)
    {
        var file = callId.Replace('.', '-') + ".wav";
        File.Copy(RepositoryLayout.PathOf("config", "asterisk", "sounds", "renfieldsip-greeting.wav"), Path.Combine(_directory, file), overwrite: true);
        Assert.True(Queue.TryAdd(new VoicemailArrival(callId, file, 7900, "HANGUP")));
    }

    private Task<TimeSpan> WaitForAnnouncementAsync(string callId) =>
        Poll.UntilAsync(() => Index.Find(callId)?.Announcement is not null, "the message's announcement outcome", Guard, Cancellation);
}
