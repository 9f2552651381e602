using System.Diagnostics;
using System.Globalization;
using RenfieldSip.Tests.EndToEnd;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Reliability;

/// <summary>
/// Matrix row 7: 200 calls arriving within one second on AMI while Renfield needs 50 ms per request, with the
/// monitor's default concurrency (4) and queue (1024): how many are announced, and how late.
/// </summary>
public sealed class DownstreamBurstTests
{
    private const int Calls = 200;
    private static readonly TimeSpan Spacing = TimeSpan.FromMilliseconds(5);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_hundred_calls_in_one_second_against_a_50_ms_webhook_are_all_announced_once_and_none_fails()
    {
        await using var rig = await EndToEndHarness.StartWithoutMonitorAsync(new FakeRenfieldOptions { Token = EndToEndHarness.Token, ResponseDelay = TimeSpan.FromMilliseconds(50) });
        var (monitor, ami) = await rig.StartMonitorAsync();

        var sentAt = new DateTimeOffset[Calls + 1];
        var clock = Stopwatch.StartNew();
        for (var call = 1; call <= Calls; call++)
        {
            // The scenario is a second-long burst: calls are paced to it, not waited for.
            var due = Spacing * (call - 1) - clock.Elapsed;
            if (due > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(due, Cancellation);
            }

            sentAt[call] = TimeProvider.System.GetUtcNow();
            await ami.SendAsync(SyntheticCall.Join(SyntheticCall.Numbered(call).Ringing, SyntheticCall.Numbered(call).Hangup));
        }

        var sendingTook = clock.Elapsed;
        await rig.Renfield.WaitForDeliveredAsync(Calls, TimeSpan.FromSeconds(30));

        var delays = new List<double>();
        for (var call = 1; call <= Calls; call++)
        {
            var request = Assert.Single(rig.RequestsFor(SyntheticCall.Numbered(call).CallerNumber));
            delays.Add((request.ArrivedAt - sentAt[call]).TotalMilliseconds);
        }

        delays.Sort();
        var p50 = delays[(Calls / 2) - 1];
        var p99 = delays[(int)Math.Ceiling(Calls * 0.99) - 1];
        Assert.Equal(Calls, rig.Renfield.Delivered.Count);
        Assert.Empty(monitor.Logs.WithId(1109 /* AnnouncementFailed */));
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"FIGURE row7 burst: {Calls} calls sent in {sendingTook.TotalMilliseconds:F0} ms, {rig.Renfield.Delivered.Count} announced; send->webhook delay p50 {p50:F0} ms, p99 {p99:F0} ms, max {delays[^1]:F0} ms"));
    }
}
