using System.Text.Json;
using RenfieldSip.Tests.EndToEnd;
using RenfieldSip.Tests.History;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Mcp;

/// <summary>
/// One monitor (German) whose history is made from real captures replayed over AMI: Max Mustermann (announced),
/// Oma Helga (announced), a withheld caller (+49 170 9876543 on the wire, announced anonymously), and Max again
/// moments later (suppressed by dedup). The tools only read, so the tests share it.
/// </summary>
public sealed class McpHistoryFixture : IAsyncLifetime
{
    public const string Max = "1795513760.1";
    public const string Oma = "1795513430.2";
    public const string Withheld = "1795513755.0";
    public const string MaxAgain = "1795513386.0";

    /// <summary>The digits of the withheld caller's number, which no answer may hold.</summary>
    public const string WithheldDigits = "9876543";

    private EndToEndHarness? _harness;

    internal MonitorUnderTest Monitor => _harness!.Monitor;

    public async ValueTask InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        _harness = await EndToEndHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Calls:TrustCallerIdWithoutPresentation"] = "true",
            // The dedup window runs on the real clock: a loaded machine may take longer than 30 s between the first
            // Max call and the repeat, which must still count as "just announced".
            ["Dedup:Window"] = "01:00:00",
        });
        foreach (var capture in new[] { "privacy-rewrite-userevent-known.ami", "national-caller-pai-cancel.ami", "privacy-rewrite-userevent-withheld.ami", "known-caller-cancel.ami" })
        {
            await _harness.PlayAsync(capture, timeout.Token);
        }

        // Replays after the first end with the same sentinel, so the records are awaited themselves.
        await Poll.UntilAsync(
            async () =>
            {
                var (_, body) = await CallHistoryApi.GetAsync(Monitor, "/api/calls", timeout.Token);
                using var json = JsonDocument.Parse(body);
                var ids = json.RootElement.GetProperty("calls").EnumerateArray().Select(c => c.GetProperty("call_id").GetString()).ToHashSet();
                return ids.IsSupersetOf([Max, Oma, Withheld, MaxAgain]);
            },
            "the four replayed calls in GET /api/calls",
            TimeSpan.FromSeconds(20),
            timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }
    }
}
