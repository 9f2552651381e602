using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using RenfieldSip.Monitor.Identity;
using RenfieldSip.Tests.EndToEnd;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Reliability;

/// <summary>
/// Matrix row 4, end to end: bad bytes on the AMI socket, sent to the real monitor running as its own process. The
/// frame-level property tests (random input cut at random points, every capture truncated) are in
/// <see cref="Ami.AmiFrameReaderFuzzTests"/>; here the question is what the whole process does: it must not crash or
/// hang, its memory must stay bounded, the poisoned connection must be replaced, and the next call announced.
/// </summary>
public sealed class AmiBadBytesEndToEndTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static IEnumerable<(string Name, byte[] Bytes, bool ClosesAfter, bool Replaced)> Inputs()
    {
        var random = new Random(4711);
        var noise = new byte[1 << 20];
        random.NextBytes(noise);
        yield return ("1 MiB of random bytes", noise, false, true);

        var half = new SyntheticCall("1795600400.1", "+4915112345001", "Abgeschnitten").Newchannel;
        yield return ("a block cut in half, then FIN", half[..(half.Length / 2)], true, true);

        var bareLf = Encoding.ASCII.GetString(new SyntheticCall("1795600400.2", "+4915112345002", "Nur LF").Ringing).Replace("\r\n", "\n", StringComparison.Ordinal);
        yield return ("256 kB of events with bare LF line ends", Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(bareLf, (256 * 1024 / bareLf.Length) + 1))), false, true);

        var line = new byte[10 * 1024 * 1024];
        line.AsSpan().Fill((byte)'A');
        yield return ("a 10 MiB line without CRLF", line, false, true);

        var keys = new StringBuilder("Event: Newchannel\r\n");
        for (var i = 0; i < 100_000; i++)
        {
            keys.Append(CultureInfo.InvariantCulture, $"Key{i}: v\r\n");
        }

        yield return ("one block with 100,000 keys (1.3 MB)", Encoding.ASCII.GetBytes(keys.Append("\r\n").ToString()), false, true);

        var utf8 = new SyntheticCall("1795600400.3", "+4915112345003", Encoding.Latin1.GetString([0x4D, 0xFF, 0xC3, 0x28, 0xF0, 0x9F, 0x98, 0xED, 0xA0, 0x80]), rawBytes: true);
        yield return ("invalid and split UTF-8 in a call's fields", utf8.Complete, false, false);

        yield return ("NUL bytes, colonless and empty-key lines inside the limit", "Event: Newchannel\r\n\0\0\0\r\nno colon\r\n: empty key\r\n::::\r\nUniqueid\r\n\r\n"u8.ToArray(), false, false);
    }

    [Fact]
    public async Task Bad_bytes_never_crash_or_hang_the_monitor_memory_stays_bounded_and_the_next_call_is_announced()
    {
        var directory = Directory.CreateTempSubdirectory("renfieldsip-rel-ami-").FullName;
        try
        {
            var phonebook = Path.Combine(directory, "phonebook.yaml");
            await File.WriteAllTextAsync(phonebook, EndToEndHarness.Phonebook, Cancellation);
            await using var ami = AmiTestServer.Start(new AmiTestServerOptions { Stream = AmiTestStreamMode.Manual, Login = AmiTestLoginMode.Accept });
            await using var renfield = await FakeRenfield.StartAsync(new FakeRenfieldOptions { Token = "rel-token" });
            await using var monitor = await MonitorProcess.StartAsync(
                new Dictionary<string, string>
                {
                    ["AMI_HOST"] = ami.Host,
                    ["AMI_PORT"] = ami.Port.ToString(CultureInfo.InvariantCulture),
                    ["AMI_USERNAME"] = "callmonitor",
                    ["AMI_SECRET"] = "TestSecret-7f3a-e2e-5b90",
                    ["RENFIELD_WEBHOOK_URL"] = renfield.WebhookUrl.ToString(),
                    ["RENFIELD_WEBHOOK_TOKEN"] = "rel-token",
                    ["PHONEBOOK_PATH"] = phonebook,
                    // Every call here carries its identity event; the fallback must not race it on a busy machine.
                    ["Calls__SettleTimeout"] = "00:00:30",
                    ["Webhook__MaxConcurrency"] = "1",

                    // Workstation GC (the monitor's own setting) pinned: the working-set bound below is measured against it.
                    ["DOTNET_gcServer"] = "0",
                },
                Cancellation);

            var number = 1;
            var connection = await ami.WaitForLoginAsync(number, Wait);
            await AnnounceAsync(connection, renfield, 0);
            var before = monitor.WorkingSet();
            var step = 0;
            foreach (var (name, bytes, closesAfter, replaced) in Inputs())
            {
                step++;
                var clock = Stopwatch.StartNew();
                await SendIgnoringResetAsync(connection, bytes);
                if (closesAfter)
                {
                    connection.Close();
                }

                if (replaced)
                {
                    connection = await ami.WaitForLoginAsync(++number, Wait);
                }

                var recovered = clock.Elapsed;
                await AnnounceAsync(connection, renfield, step);
                Assert.False(monitor.HasExited, $"the monitor exited after: {name}\n{monitor.Output}");
                ReliabilityFigures.Report(
                    "4 bad bytes",
                    name,
                    $"{(replaced ? "connection replaced" : "same connection")} after {recovered.TotalMilliseconds:0} ms, working set {ReliabilityFigures.Mebibytes(monitor.WorkingSet())}");
            }

            var after = monitor.WorkingSet();
            var peak = monitor.PeakWorkingSet();
            ReliabilityFigures.Report("4 bad bytes", "working set before / after / peak", $"{ReliabilityFigures.Mebibytes(before)} / {ReliabilityFigures.Mebibytes(after)} / {ReliabilityFigures.Mebibytes(peak)}");
            Assert.True(after - before < 64L * 1024 * 1024, $"working set grew from {before} to {after}");
            Assert.Equal(5, ami.AcceptedConnections - 1);
            Assert.Contains("AMI protocol error", monitor.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_block_of_100000_keys_within_a_raised_limit_is_read_and_announced()
    {
        await using var harness = await EndToEndHarness.StartAsync(new Dictionary<string, string?> { ["Ami:MaxMessageBytes"] = "16777216" });
        var connection = await harness.Ami.WaitForLoginAsync(1, Wait);

        // The interesting keys come last, so every lookup walks all 100,000 lines first.
        var call = new SyntheticCall("1795600500.1", "+4915112346001", "Viele Schlüssel");
        var block = new StringBuilder("Event: UserEvent\r\n");
        for (var i = 0; i < 100_000; i++)
        {
            block.Append(CultureInfo.InvariantCulture, $"Key{i}: v\r\n");
        }

        block.Append(Encoding.UTF8.GetString(call.UserEvent).AsSpan("Event: UserEvent\r\n".Length));
        var bytes = Encoding.UTF8.GetBytes(block.ToString());
        var clock = Stopwatch.StartNew();
        await connection.SendAsync(bytes);
        await harness.Renfield.WaitForAsync(r => r.Any(x => x.CallerDigits == call.Digits), "the 100,000-key call", Wait);
        var elapsed = clock.Elapsed;

        ReliabilityFigures.Report("4 bad bytes", $"a {bytes.Length / 1024} kB UserEvent with 100,000 keys read and announced", elapsed);
        Assert.Equal(1, harness.Ami.AcceptedConnections);
    }

    private static async Task SendIgnoringResetAsync(AmiTestServerConnection connection, byte[] bytes)
    {
        try
        {
            await connection.SendAsync(bytes);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The monitor dropped the connection before it had all of it: that is the expected reaction.
        }
    }

    private static async Task AnnounceAsync(AmiTestServerConnection connection, FakeRenfield renfield, int step)
    {
        var call = new SyntheticCall(
            string.Create(CultureInfo.InvariantCulture, $"1795600600.{step}"),
            string.Create(CultureInfo.InvariantCulture, $"+49151123470{step:00}"),
            "Danach");
        await connection.SendAsync(call.Ringing);
        await renfield.WaitForAsync(r => r.Any(x => x.CallerDigits == call.Digits), $"the call after step {step}", Wait);
    }
}
