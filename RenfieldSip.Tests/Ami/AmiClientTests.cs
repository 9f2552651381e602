using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using RenfieldSip.Monitor.Ami;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Ami;

public sealed class AmiClientTests
{
    private static readonly TimeSpan ReconnectCap = TimeSpan.FromSeconds(1);

    public static TheoryData<string, AmiTestStreamMode, int> Replays => new()
    {
        { "known-caller-cancel.ami", AmiTestStreamMode.Recorded, 0 },
        { "concurrent-10-calls.ami", AmiTestStreamMode.Recorded, 0 },
        { "concurrent-10-calls.ami", AmiTestStreamMode.FixedChunks, 7 },
        { "privacy-rewrite-userevent-withheld.ami", AmiTestStreamMode.FixedChunks, 1 },
        { "local-channel-originate.ami", AmiTestStreamMode.FixedChunks, 100 },
    };

    public static TheoryData<string> LoginFailures => new("login-failure-wrong-secret.ami", "login-failure-unknown-user.ami");

    [Theory]
    [MemberData(nameof(Replays))]
    public async Task Logged_in_client_hands_every_event_of_a_capture_to_the_handler_in_order(string name, AmiTestStreamMode mode, int chunkSize)
    {
        var capture = AmiCapture.Load(name);
        await using var harness = await AmiClientHarness.StartAsync(AmiTestServer.Start(new() { Capture = capture, Stream = mode, ChunkSize = chunkSize }));

        await harness.Handler.WaitForEventsAsync(capture.EventBlocks.Count);
        await harness.WaitForSessionsStartedAsync(1);

        Assert.Equal(capture.EventBlocks, harness.Handler.RawBlocks.Select(block => Encoding.UTF8.GetString(block)));
        Assert.Equal(1, harness.SessionsStarted);
        Assert.Equal(AmiConnectionState.LoggedIn, harness.Status.State);
        Assert.Equal(capture.EventBlocks.Count, harness.Status.EventsRead);
        Assert.True(harness.Status.BytesRead >= capture.Body.Length);
        var login = harness.Server.Connections[0].Received[0];
        Assert.Equal("Login", login.Name);
        Assert.Equal("callmonitor", login["Username"]);
        Assert.Equal(harness.Options.Secret, login["Secret"]);
        Assert.Equal("on", login["Events"]);
        Assert.False(string.IsNullOrEmpty(login.ActionId));
        Assert.Equal(HealthStatus.Healthy, (await Health(harness)).Status);
        harness.AssertSecretNeverExposed();
    }

    [Theory]
    [MemberData(nameof(LoginFailures))]
    public async Task Refused_login_logs_one_clear_error_and_retries_only_after_the_login_retry_delay(string name)
    {
        var time = new AmiObservableTimeProvider();
        await using var harness = await AmiClientHarness.StartAsync(
            AmiTestServer.Start(new() { Capture = AmiCapture.Load(name) }),
            time,
            options => options.ConnectTimeout = TimeSpan.FromSeconds(3));

        await time.WaitForTimerAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(AmiConnectionState.LoginRejected, harness.Status.State);
        Assert.Equal(1, harness.Status.LoginFailures);
        var error = Assert.Single(harness.Logs.GetSnapshot(), record => record.Level >= LogLevel.Error);
        Assert.Equal(1002, error.Id.Id);
        Assert.Contains("'callmonitor'", error.Message, StringComparison.Ordinal);
        Assert.Contains("AMI_SECRET", error.Message, StringComparison.Ordinal);
        Assert.Contains("permit=", error.Message, StringComparison.Ordinal);
        var health = await Health(harness);
        Assert.Equal(HealthStatus.Unhealthy, health.Status);
        Assert.Contains("AMI login refused for user 'callmonitor'", health.Description, StringComparison.Ordinal);
        Assert.Contains("AMI_SECRET", health.Description, StringComparison.Ordinal);

        time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(1, harness.Server.LoginAttempts);
        time.Advance(TimeSpan.FromSeconds(1));
        await harness.Server.WaitForLoginAttemptsAsync(2);

        // The second refusal doubles the wait: still no tight loop.
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(2, harness.Status.LoginFailures);
        Assert.Equal(2, harness.Logs.WithId(1002).Count);
        Assert.Equal(2, harness.Server.AcceptedConnections);
        Assert.Equal(0, harness.SessionsStarted);
        harness.AssertSecretNeverExposed();
    }

    [Fact]
    public async Task A_restarted_server_is_logged_in_again_within_the_reconnect_cap()
    {
        var time = new AmiObservableTimeProvider();
        await using var harness = await AmiClientHarness.StartAsync(
            AmiTestServer.Start(new() { Capture = AmiCapture.Load("known-caller-cancel.ami") }),
            time);
        await harness.Server.WaitForLoginAsync(1);
        await harness.WaitForSessionsStartedAsync(1);

        await harness.Server.StopAsync();
        await harness.Handler.WaitForSessionsEndedAsync(1);
        await WaitForReconnectTimerAsync(time);
        Assert.Equal(AmiConnectionState.Disconnected, harness.Status.State);

        // Down: the next attempt is refused and backs off again, never beyond the cap.
        time.Advance(ReconnectCap);
        await WaitForReconnectTimerAsync(time);
        Assert.Contains("ConnectionRefused", harness.Status.LastError, StringComparison.Ordinal);

        harness.Server.Restart();
        time.Advance(ReconnectCap);
        await harness.Server.WaitForLoginAsync(2);
        await harness.WaitForSessionsStartedAsync(2);

        Assert.Equal(AmiConnectionState.LoggedIn, harness.Status.State);
        Assert.Equal(2, harness.Status.Reconnects);
        Assert.Single(harness.Logs.WithId(1005));
        harness.AssertSecretNeverExposed();
    }

    [Fact]
    public async Task A_half_open_connection_is_detected_after_ping_interval_plus_pong_timeout()
    {
        var time = new AmiObservableTimeProvider();
        var pingInterval = TimeSpan.FromSeconds(10);
        var pongTimeout = TimeSpan.FromSeconds(5);
        await using var harness = await AmiClientHarness.StartAsync(
            AmiTestServer.Start(new() { Capture = AmiCapture.Load("known-caller-cancel.ami") }),
            time,
            options =>
            {
                options.ConnectTimeout = TimeSpan.FromSeconds(3);
                options.PingInterval = pingInterval;
                options.PongTimeout = pongTimeout;
            });
        var first = await harness.Server.WaitForLoginAsync(1);

        // A live server answers: the session survives a ping round.
        await time.WaitForTimerAsync(pingInterval);
        time.Advance(pingInterval);
        await first.WaitForActionAsync("Ping");
        await time.WaitForTimerAsync(pingInterval);
        Assert.Equal(1, harness.Server.AcceptedConnections);

        first.GoSilent();
        time.Advance(pingInterval);
        await first.WaitForActionAsync("Ping", occurrence: 2);
        await time.WaitForTimerAsync(pongTimeout);
        time.Advance(pongTimeout - TimeSpan.FromMilliseconds(1));
        Assert.Equal(AmiConnectionState.LoggedIn, harness.Status.State);

        time.Advance(TimeSpan.FromMilliseconds(1));
        await WaitForReconnectTimerAsync(time);
        Assert.Single(harness.Logs.WithId(1006));
        Assert.Contains("half-open", harness.Status.LastError, StringComparison.Ordinal);

        time.Advance(ReconnectCap);
        await harness.Server.WaitForLoginAsync(2);
        await harness.WaitForSessionsStartedAsync(2);
        Assert.Equal(1, harness.Handler.SessionsEnded);
        Assert.Equal(AmiConnectionState.LoggedIn, harness.Status.State);
        harness.AssertSecretNeverExposed();
    }

    [Fact]
    public async Task Garbage_after_login_is_a_protocol_error_and_the_client_reconnects()
    {
        var time = new AmiObservableTimeProvider();
        await using var harness = await AmiClientHarness.StartAsync(
            AmiTestServer.Start(new() { Stream = AmiTestStreamMode.Manual }),
            time,
            options => options.MaxMessageBytes = 4096);
        var first = await harness.Server.WaitForLoginAsync(1);

        var garbage = new byte[20_000];
        new Random(7).NextBytes(garbage);
        garbage.AsSpan().Replace((byte)'\n', (byte)'x');
        await first.SendAsync(garbage);
        await WaitForReconnectTimerAsync(time);

        Assert.Equal(1, harness.Status.ProtocolErrors);
        Assert.Contains("Ami:MaxMessageBytes", harness.Status.LastError, StringComparison.Ordinal);
        Assert.Single(harness.Logs.WithId(1007));
        time.Advance(ReconnectCap);
        await harness.Server.WaitForLoginAsync(2);
        harness.AssertSecretNeverExposed();
    }

    [Fact]
    public async Task A_peer_that_is_not_asterisk_is_a_protocol_error_before_any_login()
    {
        var time = new AmiObservableTimeProvider();
        await using var harness = await AmiClientHarness.StartAsync(
            AmiTestServer.Start(new() { Banner = "SSH-2.0-OpenSSH_9.6\r\n" }),
            time);

        await WaitForReconnectTimerAsync(time);

        Assert.Equal(0, harness.Server.LoginAttempts);
        Assert.Equal(1, harness.Status.ProtocolErrors);
        Assert.Equal(AmiConnectionState.Disconnected, harness.Status.State);
        Assert.Contains("Ami:Port", harness.Status.LastError, StringComparison.Ordinal);
        var health = await Health(harness);
        Assert.Equal(HealthStatus.Unhealthy, health.Status);
        Assert.Contains("not an Asterisk manager interface", health.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_warns_once_then_retries_quietly_with_capped_backoff()
    {
        var server = AmiTestServer.Start();
        await server.StopAsync();
        var time = new AmiObservableTimeProvider();
        await using var harness = await AmiClientHarness.StartAsync(server, time);

        var delays = new List<TimeSpan>();
        for (var attempt = 0; attempt < 6; attempt++)
        {
            delays.Add(await WaitForReconnectTimerAsync(time));
            time.Advance(delays[^1]);
        }

        Assert.Single(harness.Logs.WithId(1003));
        Assert.NotEmpty(harness.Logs.WithId(1004));
        Assert.InRange(delays[0], TimeSpan.FromMilliseconds(75), TimeSpan.FromMilliseconds(100));
        Assert.All(delays, delay => Assert.InRange(delay, TimeSpan.FromMilliseconds(75), ReconnectCap));
        Assert.True(delays[^1] >= TimeSpan.FromMilliseconds(750), "the backoff should have grown towards the cap");
    }

    [Fact]
    public async Task Stopping_the_host_logs_off_and_ends_the_session()
    {
        await using var harness = await AmiClientHarness.StartAsync(
            AmiTestServer.Start(new() { Capture = AmiCapture.Load("known-caller-cancel.ami") }));
        var connection = await harness.Server.WaitForLoginAsync(1);
        await harness.WaitForSessionsStartedAsync(1);

        await harness.Client.StopAsync(TestContext.Current.CancellationToken);

        var logoff = await connection.WaitForActionAsync("Logoff");
        Assert.False(string.IsNullOrEmpty(logoff.ActionId));
        await connection.Closed.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal(1, harness.Handler.SessionsEnded);
        Assert.Single(harness.Logs.WithId(1009));
        Assert.Equal(AmiConnectionState.Disconnected, harness.Status.State);
    }

    private static Task<TimeSpan> WaitForReconnectTimerAsync(AmiObservableTimeProvider time) =>
        time.WaitForTimerAsync(delay => delay > TimeSpan.Zero && delay <= ReconnectCap, "the reconnect backoff");

    private static Task<HealthCheckResult> Health(AmiClientHarness harness) =>
        new AmiHealthCheck(harness.Status).CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);
}
