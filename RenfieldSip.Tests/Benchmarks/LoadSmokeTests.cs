using RenfieldSip.Benchmarks.Load;
using RenfieldSip.Monitor.Ami;
using RenfieldSip.Monitor.Calls;
using RenfieldSip.Tests.EndToEnd;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Benchmarks;

/// <summary>
/// A few hundred calls of the load tool's own stream (its <see cref="CallStream"/>: real capture blocks, 85 noise
/// events per call, 8 calls in progress), all written at once, through the real monitor: every call is announced
/// exactly once, with its own caller, and nothing stays tracked. A smoke run that the load benchmark's setup works,
/// not a timing.
/// </summary>
public sealed class LoadSmokeTests
{
    private const int Calls = 300;

    [Fact]
    public async Task Every_call_of_a_burst_with_noise_is_announced_once()
    {
        // Every call of the stream carries the captured caller name; the phonebook gives each its own, so Renfield's
        // content dedup (same title within 60 s) does not take them for one.
        var phonebook = "contacts:\n" + string.Concat(Enumerable.Range(0, Calls).Select(call => $"  \"{CallerNumbers.Format(call)}\": \"{Name(call)}\"\n"));
        await using var harness = await EndToEndHarness.StartAsync(
            new Dictionary<string, string?>
            {
                ["Webhook:MaxConcurrency"] = "4",
                ["Webhook:QueueCapacity"] = "1024",
            },
            phonebook: phonebook);
        var connection = await harness.Ami.WaitForLoginAsync(1, TimeSpan.FromSeconds(10));
        var stream = new CallStream(CallTemplate.FromCapture(), NoiseRing.FromReadAllCaptures(85), Calls, noisePerCall: 85, overlap: 8);
        var buffer = new byte[stream.MaxSegmentBytes];
        for (var segment = 0; segment < stream.Segments; segment++)
        {
            await connection.SendAsync(buffer.AsMemory(0, stream.WriteSegment(segment, buffer)));
        }

        var sentinel = EndToEndHarness.Sentinel;
        await connection.SendAsync(sentinel.Recording);

        // The sentinel comes last on the wire, but four workers may deliver it before the last calls: wait for all.
        var requests = await harness.Renfield.WaitForAsync(
            all => all.Count >= Calls + 1 && all.Any(r => r.CallerDigits == sentinel.Digits),
            $"{Calls} calls and the sentinel",
            TimeSpan.FromSeconds(60));
        var announced = requests.Where(r => r.CallerDigits != sentinel.Digits).ToList();

        Assert.Equal(Calls, announced.Count);
        Assert.All(requests, r => Assert.Equal(System.Net.HttpStatusCode.OK, r.StatusCode));
        var byNumber = announced.ToDictionary(r => r.CallerDigits!, r => r.Json!.Value.GetProperty("data").GetProperty("caller_name").GetString());
        for (var call = 0; call < Calls; call++)
        {
            Assert.Equal(Name(call), byNumber[PhoneDigits.Of(CallerNumbers.Format(call))]);
        }

        // Everything before the sentinel has been read, every one of these calls hung up: only the sentinel may remain.
        Assert.InRange(harness.Monitor.GetRequiredService<CallTracker>().ActiveCalls, 0, 1);
        Assert.True(harness.Monitor.GetRequiredService<IAmiConnectionStatus>().EventsRead >= stream.TotalEvents);
    }

    private static string Name(int call) => "Lastanrufer " + call.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
}
