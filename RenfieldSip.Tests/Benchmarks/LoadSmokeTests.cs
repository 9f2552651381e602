using System.Globalization;
using System.Text;
using RenfieldSip.Monitor.Ami;
using RenfieldSip.Monitor.Calls;
using RenfieldSip.Tests.EndToEnd;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Benchmarks;

/// <summary>
/// A few hundred calls in the load tool's stream layout (real capture blocks, 85 noise events per call, 8 calls in
/// progress, all written at once) through the real monitor: every call is announced exactly once, with its own
/// caller, and nothing stays tracked. A smoke run that the load benchmark's setup works, not a timing.
/// </summary>
public sealed class LoadSmokeTests
{
    private const int Calls = 300;
    private const int NoisePerCall = 85;
    private const int Overlap = 8;

    private static readonly string[] StartEvents = ["Newchannel", "UserEvent"];
    private static readonly string[] EndEvents = ["HangupRequest", "SoftHangupRequest", "Hangup"];
    private static readonly string[] CallLifecycle = ["Newchannel", "NewCallerid", "UserEvent", "HangupRequest", "SoftHangupRequest", "Hangup"];

    [Fact]
    public async Task Every_call_of_a_burst_with_noise_is_announced_once()
    {
        await using var harness = await EndToEndHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Webhook:MaxConcurrency"] = "4",
            ["Webhook:QueueCapacity"] = "1024",
        });
        var connection = await harness.Ami.WaitForLoginAsync(1, TimeSpan.FromSeconds(10));
        var (stream, events) = Stream();

        await connection.SendAsync(stream);
        var sentinel = EndToEndHarness.Sentinel;
        await connection.SendAsync(sentinel.Recording);

        // The sentinel comes last on the wire, but four workers may deliver it before the last calls: wait for all.
        // Generous: the whole test suite shares two cores with this Debug build.
        var requests = await harness.Renfield.WaitForAsync(
            all => all.Count >= Calls + 1 && all.Any(r => r.CallerDigits == sentinel.Digits),
            $"{Calls} calls and the sentinel",
            TimeSpan.FromSeconds(60));
        var announced = requests.Where(r => r.CallerDigits != sentinel.Digits).Select(r => r.Json!.Value).ToList();

        Assert.Equal(Calls, announced.Count);
        Assert.All(requests, r => Assert.Equal(System.Net.HttpStatusCode.OK, r.StatusCode));
        var byNumber = announced.ToDictionary(
            json => PhoneDigits.Of(json.GetProperty("data").GetProperty("caller_number").GetString()),
            json => json.GetProperty("data").GetProperty("caller_name").GetString());
        for (var call = 0; call < Calls; call++)
        {
            Assert.Equal(Name(call), byNumber[Number(call)[1..]]);
        }

        // Everything before the sentinel has been read, every one of these calls hung up: only the sentinel may remain.
        Assert.InRange(harness.Monitor.GetRequiredService<CallTracker>().ActiveCalls, 0, 1);
        Assert.True(harness.Monitor.GetRequiredService<IAmiConnectionStatus>().EventsRead >= events);
    }

    private static string Number(int call) => "+49170" + (1_000_000 + call).ToString(CultureInfo.InvariantCulture);

    private static string Name(int call) => "Lastanrufer " + call.ToString("D4", CultureInfo.InvariantCulture);

    private static (byte[] Stream, int Events) Stream()
    {
        var noise = AmiCapture.AllNames
            .Where(name => name.Contains(".read-all", StringComparison.Ordinal))
            .SelectMany(name => AmiCapture.Load(name).EventBlocks)
            .Where(block => !CallLifecycle.Contains(EventName(block)))
            .ToArray();

        var text = new StringBuilder();
        var events = 0;
        var nextNoise = 0;
        void Noise(int count)
        {
            for (var i = 0; i < count; i++)
            {
                text.Append(noise[nextNoise++ % noise.Length]).Append("\r\n\r\n");
            }

            events += count;
        }

        for (var i = 0; i < Calls; i++)
        {
            text.Append(Call(i).Text(StartEvents));
            events += StartEvents.Length;
            Noise(NoisePerCall / 2);
            if (i >= Overlap)
            {
                text.Append(Call(i - Overlap).Text(EndEvents));
                events += EndEvents.Length;
            }

            Noise(NoisePerCall - (NoisePerCall / 2));
        }

        for (var i = Calls - Overlap; i < Calls; i++)
        {
            text.Append(Call(i).Text(EndEvents));
            events += EndEvents.Length;
        }

        return (Encoding.UTF8.GetBytes(text.ToString()), events);
    }

    private static SyntheticCall Call(int call) => new(
        "1795600000." + (100_000 + call).ToString(CultureInfo.InvariantCulture),
        Number(call),
        Name(call),
        "PJSIP/sip-provider-endpoint-" + call.ToString("x8", CultureInfo.InvariantCulture));

    private static string EventName(string block) =>
        block.StartsWith("Event: ", StringComparison.Ordinal) ? block[7..block.IndexOf('\r', StringComparison.Ordinal)] : "";
}
