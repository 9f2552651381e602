using System.Text.Json;
using RenfieldSip.Monitor.Voicemail;
using RenfieldSip.Tests.Config;
using RenfieldSip.Tests.EndToEnd;
using RenfieldSip.Tests.History;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Voicemail;

/// <summary>
/// A call's message on the <c>/calls</c> page in a real headless Chromium, logged in as the owner: the page (no script
/// of its own) carries the player; a probe page with a script then plays that player's source from the monitor with
/// the owner's session cookie and reports the duration the browser read from it, as a phone's browser would show it.
/// </summary>
public sealed class VoicemailPageChromiumTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_call_list_shows_a_player_that_loads_the_message_and_reports_its_duration()
    {
        HeadlessChromium.SkipUnlessAvailable();
        var directory = Directory.CreateTempSubdirectory("renfieldsip-voicemail-").FullName;
        try
        {
            await using var harness = await EndToEndHarness.StartAsync(new Dictionary<string, string?> { ["Voicemail:Directory"] = directory });
            await EndToEndHarness.TestCallAsync(harness.Monitor, "0170 1234567", null, Cancellation);
            var callId = (await CallHistoryApi.WaitForCallsAsync(harness.Monitor, 1, Cancellation))[0].GetProperty("call_id").GetString()!;
            var greeting = RepositoryLayout.PathOf("config", "asterisk", "sounds", "renfieldsip-greeting.wav");
            File.Copy(greeting, Path.Combine(directory, "1796597954-4.wav"));
            harness.Monitor.GetRequiredService<VoicemailIndex>().Add(
                new VoicemailMessage(callId, "1796597954-4.wav", TimeSpan.FromSeconds(7.9), DateTimeOffset.UtcNow, Transcript: "Bitte ruf <b>zurück</b>."));

            var page = await HeadlessChromium.DumpDomAsync(new Uri(harness.Monitor.BaseAddress, BrowserLoginPage.Path), Cancellation);
            var source = $"/calls/{Uri.EscapeDataString(callId)}/voicemail";
            Assert.Contains($"<audio controls=\"\" preload=\"none\" src=\"{source}\"></audio>", page, StringComparison.Ordinal);
            Assert.Contains("Sprachnachricht 0:08", page, StringComparison.Ordinal);
            Assert.Contains("Bitte ruf &lt;b&gt;zurück&lt;/b&gt;.", page, StringComparison.Ordinal);
            Assert.Contains("data-heard=\"false\"", page, StringComparison.Ordinal);

            var played = await HeadlessChromium.DumpDomAsync(new Uri(harness.Monitor.BaseAddress, BrowserPlayerPage.For(source)), Cancellation);

            var reported = System.Text.RegularExpressions.Regex.Match(played, "duration=([0-9.]+)");
            Assert.True(reported.Success, played);
            Assert.Equal(7.9, double.Parse(reported.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 1);
            var (_, body) = await CallHistoryApi.GetAsync(harness.Monitor, "/api/calls", Cancellation);
            Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("calls")[0].GetProperty("voicemail").GetProperty("heard").GetBoolean());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
