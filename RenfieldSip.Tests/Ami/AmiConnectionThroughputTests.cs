using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.Ami;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Ami;

public sealed class AmiConnectionThroughputTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_handler_failure_skips_that_event_and_the_session_continues()
    {
        var capture = AmiCapture.Load("concurrent-10-calls.ami");
        await using var server = AmiTestServer.Start(new() { Capture = capture });
        var handler = new AmiCountingEventHandler(frame => frame.NameEquals("Newchannel"u8));
        var status = new AmiConnectionStatus(Options.Create(server.CreateClientOptions()));
        using var client = new AmiClient(Options.Create(server.CreateClientOptions()), handler, status, TimeProvider.System, NullLogger<AmiClient>.Instance);
        await client.StartAsync(TestContext.Current.CancellationToken);

        await WaitForEventsAsync(handler, capture.EventBlocks.Count);

        // The read loop hands out the events that follow the login answer while the client is still marking the
        // session logged in: wait for that mark rather than race it.
        await Poll.UntilAsync(() => status.State == AmiConnectionState.LoggedIn, "the session to be logged in", TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal(capture.EventBlocks.Count, handler.Events);
        Assert.Equal(AmiConnectionState.LoggedIn, status.State);
        Assert.Equal(1, server.AcceptedConnections);
        await client.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_stream_of_64000_events_reaches_the_handler_complete()
    {
        var capture = AmiCapture.Load("concurrent-10-calls.ami");
        var body = capture.Body.ToArray();
        var perCopy = capture.EventBlocks.Count;
        const int Copies = 4000;
        var payload = new byte[body.Length * Copies];
        for (var i = 0; i < Copies; i++)
        {
            body.CopyTo(payload, i * body.Length);
        }

        await using var server = AmiTestServer.Start(new() { Stream = AmiTestStreamMode.Manual });
        var handler = new AmiCountingEventHandler();
        var options = server.CreateClientOptions();
        var status = new AmiConnectionStatus(Options.Create(options));
        using var client = new AmiClient(Options.Create(options), handler, status, TimeProvider.System, NullLogger<AmiClient>.Instance);
        await client.StartAsync(TestContext.Current.CancellationToken);
        var connection = await server.WaitForLoginAsync(1);

        var stopwatch = Stopwatch.StartNew();
        await connection.SendAsync(payload);
        await WaitForEventsAsync(handler, (long)perCopy * Copies);
        stopwatch.Stop();

        var rate = perCopy * Copies / stopwatch.Elapsed.TotalSeconds;
        output.WriteLine($"{perCopy * Copies} events, {payload.Length / 1_000_000.0:F1} MB in {stopwatch.Elapsed.TotalMilliseconds:F0} ms: {rate:N0} events/s");

        // The rate is printed for the record; throughput is measured by the load tool (docs/PERFORMANCE.md).
        Assert.Equal(perCopy * Copies, status.EventsRead);
        await client.StopAsync(TestContext.Current.CancellationToken);
    }

    private static Task WaitForEventsAsync(AmiCountingEventHandler handler, long count) => handler.WaitForEventsAsync(count);
}
