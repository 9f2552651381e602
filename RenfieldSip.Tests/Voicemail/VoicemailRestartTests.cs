using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using RenfieldSip.Monitor.History;
using RenfieldSip.Monitor.Voicemail;

namespace RenfieldSip.Tests.Voicemail;

/// <summary>
/// The messages outlive a monitor restart: each one's sidecar beside its recording, real files in a temporary
/// directory, a second <see cref="VoicemailShelf"/> on the same directory as the restarted monitor, a fake clock.
/// </summary>
public sealed class VoicemailRestartTests : IDisposable
{
    private static readonly TimeSpan GreetingLength = TimeSpan.FromSeconds(7.9);

    private readonly string _directory = Directory.CreateTempSubdirectory("renfieldsip-voicemail-restart-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_restart_restores_each_message_as_it_was_and_never_writes_a_withheld_callers_number()
    {
        var before = Shelf();
        Leave(before, "1796597954.4");
        before.Index.Update("1796597954.4", m => m with
        {
            Heard = true,
            Transcript = "Hallo, hier ist Max.",
            Announcement = VoicemailAnnouncement.Delivered,
            CallerName = "Max Mustermann",
            CallerNumber = "+491701234567",
        });
        _time.Advance(TimeSpan.FromMinutes(5));
        Leave(before, "1796597954.5");
        before.Index.Update("1796597954.5", m => m with { Announcement = VoicemailAnnouncement.Delivered, CallerName = "Geheim", CallerNumber = "+491709876543", Withheld = true });

        var after = Shelf();
        after.Restore.Run();

        var known = after.Index.Find("1796597954.4")!;
        Assert.Equal(before.Index.Find("1796597954.4"), known);
        Assert.True(known.Heard);
        Assert.Equal("Hallo, hier ist Max.", known.Transcript);
        Assert.Equal("+491701234567", known.CallerNumber);
        Assert.InRange(known.Length, GreetingLength - TimeSpan.FromSeconds(0.1), GreetingLength + TimeSpan.FromSeconds(0.1));
        var withheld = after.Index.Find("1796597954.5")!;
        Assert.True(withheld.Withheld);
        Assert.Null(withheld.CallerNumber);
        Assert.Null(withheld.CallerName);
        Assert.Equal(["1796597954.4", "1796597954.5"], after.Index.All().Select(m => m.CallId));
        Assert.DoesNotContain("9876543", File.ReadAllText(Path.Combine(_directory, "1796597954-5.json")), StringComparison.Ordinal);
        Assert.Equal(1913, Assert.Single(after.Logs.GetSnapshot(), r => r.Id.Id == 1913).Id.Id);
        Assert.Contains("2 messages restored", after.Logs.LatestRecord.Message, StringComparison.Ordinal);
        Assert.Contains("0 recordings found without their metadata", after.Logs.LatestRecord.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recording_left_while_the_monitor_was_down_is_listed_unheard_and_not_announced_with_its_length_and_file_time()
    {
        var path = VoicemailShelf.PutRecording(_directory, "renfield-1796597954-7.wav");
        var recorded = _time.GetUtcNow() - TimeSpan.FromHours(2);
        File.SetLastWriteTimeUtc(path, recorded.UtcDateTime);

        var shelf = Shelf();
        shelf.Restore.Run();

        var found = Assert.Single(shelf.Index.All());
        Assert.Equal("renfield-1796597954.7", found.CallId);
        Assert.InRange(found.Length, GreetingLength - TimeSpan.FromSeconds(0.1), GreetingLength + TimeSpan.FromSeconds(0.1));
        Assert.Equal(recorded, found.ReceivedAt);
        Assert.False(found.Heard);
        Assert.Equal(VoicemailAnnouncement.FoundAtStart, found.Announcement);
        Assert.Contains("1 recordings found without their metadata", shelf.Logs.LatestRecord.Message, StringComparison.Ordinal);

        // From now on it has a sidecar: a second restart finds it as kept, marked heard once played.
        Assert.True(shelf.Index.Update(found.CallId, m => m with { Heard = true }));
        var again = Shelf();
        again.Restore.Run();
        Assert.True(again.Index.Find(found.CallId)!.Heard);
        Assert.Contains("1 messages restored", again.Logs.LatestRecord.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("""{"call_id":"1796597954.8","file":"other.wav","length_seconds":1}""")]
    [InlineData("""{"file":"1796597954-8.wav"}""")]
    [InlineData("")]
    public void A_garbage_sidecar_is_named_in_the_log_and_the_message_is_listed_from_its_recording(string sidecar)
    {
        VoicemailShelf.PutRecording(_directory, "1796597954-8.wav");
        File.WriteAllText(Path.Combine(_directory, "1796597954-8.json"), sidecar);

        var shelf = Shelf();
        shelf.Restore.Run();

        var unreadable = Assert.Single(shelf.Logs.GetSnapshot(), r => r.Id.Id == 1914);
        Assert.Contains("1796597954-8.json", unreadable.Message, StringComparison.Ordinal);
        var listed = Assert.Single(shelf.Index.All());
        Assert.Equal("1796597954.8", listed.CallId);
        Assert.InRange(listed.Length, GreetingLength - TimeSpan.FromSeconds(0.1), GreetingLength + TimeSpan.FromSeconds(0.1));
        Assert.False(listed.Heard);
        using var rewritten = JsonDocument.Parse(File.ReadAllText(Path.Combine(_directory, "1796597954-8.json")));
        Assert.Equal("1796597954.8", rewritten.RootElement.GetProperty("call_id").GetString());
    }

    [Fact]
    public void A_sidecar_without_its_recording_and_a_half_written_one_are_removed_at_start()
    {
        var before = Shelf();
        Leave(before, "1796597954.9");
        File.Delete(Path.Combine(_directory, "1796597954-9.wav"));
        File.WriteAllText(Path.Combine(_directory, "1796597954-10.json.tmp"), "{\"call_id\":");

        var after = Shelf();
        after.Restore.Run();

        Assert.Equal(0, after.Index.Count);
        Assert.Empty(Directory.EnumerateFiles(_directory));
        Assert.Equal(2, after.Logs.GetSnapshot().Count(r => r.Id.Id == 1908));
    }

    [Fact]
    public void Retention_applies_at_start_to_restored_and_found_messages_alike()
    {
        var before = Shelf(maxMessages: 10);
        Leave(before, "1796597954.11");
        _time.Advance(TimeSpan.FromDays(2));
        Leave(before, "1796597954.12");
        _time.Advance(TimeSpan.FromHours(1));
        Leave(before, "1796597954.13");
        var found = VoicemailShelf.PutRecording(_directory, "1796597954-14.wav");
        File.SetLastWriteTimeUtc(found, _time.GetUtcNow().UtcDateTime);
        _time.Advance(TimeSpan.FromHours(1));

        // Down for a day and restarted with fewer kept: the 3-day-old one is past MaxAge, then the oldest go.
        _time.Advance(TimeSpan.FromDays(1));
        var after = Shelf(maxMessages: 2, maxAge: TimeSpan.FromDays(2.5));
        after.Restore.Run();

        Assert.Equal(["1796597954.13", "1796597954.14"], after.Index.All().Select(m => m.CallId));
        Assert.Equal(
            ["1796597954-13.json", "1796597954-13.wav", "1796597954-14.json", "1796597954-14.wav"],
            Directory.EnumerateFiles(_directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("2 removed by retention", after.Logs.GetSnapshot().Single(r => r.Id.Id == 1913).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Erasing_a_caller_and_deleting_a_message_take_the_sidecar_along()
    {
        var shelf = Shelf();
        Leave(shelf, "1796597954.15");
        shelf.Index.Update("1796597954.15", m => m with { CallerNumber = "+491701234567" });
        Leave(shelf, "1796597954.16");

        var erased = new VoicemailCallerErasure(shelf.Index, shelf.Files).Erase([], number => number == "+491701234567");
        shelf.Files.Delete([shelf.Index.Remove("1796597954.16")!], "deleted by the owner");

        Assert.Equal(1, erased);
        Assert.Empty(Directory.EnumerateFiles(_directory));
        var after = Shelf();
        after.Restore.Run();
        Assert.Equal(0, after.Index.Count);
    }

    [Fact]
    public async Task Metadata_that_cannot_be_written_is_a_named_log_line_and_a_health_entry_and_the_message_is_still_kept()
    {
        // Root writes into any directory, so the obstacle is a directory where the temporary file would go.
        Directory.CreateDirectory(Path.Combine(_directory, "1796597954-17.json.tmp"));
        var shelf = Shelf();

        Leave(shelf, "1796597954.17");

        Assert.NotNull(shelf.Index.Find("1796597954.17"));
        var unwritable = Assert.Single(shelf.Logs.GetSnapshot(), r => r.Id.Id == 1915);
        Assert.Contains("1796597954-17.wav", unwritable.Message, StringComparison.Ordinal);
        var health = await shelf.HealthCheck.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);
        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.Contains("metadata of message 1796597954-17.wav cannot be written", health.Description, StringComparison.Ordinal);

        // The next message's metadata is written again: /health recovers.
        Leave(shelf, "1796597954.18");
        Assert.Equal(HealthStatus.Healthy, (await shelf.HealthCheck.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken)).Status);
    }

    private VoicemailShelf Shelf(int maxMessages = 200, TimeSpan? maxAge = null) =>
        new(new VoicemailOptions { Directory = _directory, MaxMessages = maxMessages, MaxAge = maxAge ?? TimeSpan.FromDays(30) }, _time);

    /// <summary>A recording and its message as the processor keeps it once measured.</summary>
    private void Leave(VoicemailShelf shelf, string callId)
    {
        var file = callId.Replace('.', '-') + ".wav";
        VoicemailShelf.PutRecording(_directory, file);
        Assert.True(WavLength.TryRead(Path.Combine(_directory, file), out var length, out _));
        Assert.Empty(shelf.Index.Add(new VoicemailMessage(callId, file, length, _time.GetUtcNow())));
    }
}
