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
        // One capture at a time, each call in GET /api/calls before the next is played: the order of the records and
        // which Max call counts as the repeat must not depend on how fast a loaded machine works through the queue.
        foreach (var (capture, callId) in new[]
        {
            ("privacy-rewrite-userevent-known.ami", Max),
            ("national-caller-pai-cancel.ami", Oma),
            ("privacy-rewrite-userevent-withheld.ami", Withheld),
            ("known-caller-cancel.ami", MaxAgain),
        })
        {
            await _harness.PlayAsync(capture, timeout.Token);
            await CallHistoryApi.WaitForCallAsync(Monitor, callId, timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }
    }
}
