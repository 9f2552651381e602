using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using RenfieldSip.Monitor.Telemetry;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.EndToEnd;

/// <summary>
/// An AMI test server (manual stream), a Renfield webhook, a phonebook file, and real monitors between them
/// (in-process, <see cref="MonitorUnderTest"/>), configured through configuration keys only.
/// <see cref="StartAsync"/> starts one monitor with a single announcement worker, so the <see cref="Sentinel"/>
/// marks the end of everything before it; <see cref="StartWithoutMonitorAsync"/> leaves the monitors (with the
/// monitor's own defaults) to <see cref="StartMonitorAsync"/>.
/// </summary>
internal sealed class EndToEndHarness : IAsyncDisposable
{
    public const string AmiSecret = "TestSecret-7f3a-e2e-5b90";
    public const string Token = "e2e-token";

    /// <summary>The monitor's own access token (<c>Access:Token</c>), which every test client but a stranger's sends.</summary>
    public const string MonitorToken = "e2e-monitor-token-5d1c9a7f";

    public const string Phonebook = """
        contacts:
          "+49 170 1234567": "Max Mustermann"
          "+49 171 9876543": "Emma Mustermann"
          "0170 5555555": "Oma Helga"
        """;

    private readonly List<MonitorUnderTest> _monitors = [];
    private readonly string _directory;

    private EndToEndHarness(string directory, AmiTestServer ami, FakeRenfield renfield)
    {
        _directory = directory;
        Ami = ami;
        Renfield = renfield;
    }

    public AmiTestServer Ami { get; }

    public FakeRenfield Renfield { get; }

    /// <summary>The first monitor.</summary>
    public MonitorUnderTest Monitor => _monitors[0];

    /// <summary>
    /// A known call settled by the identity event, as the last thing on the wire: once it is announced by a single
    /// worker, everything before it has been handled.
    /// </summary>
    public static SyntheticCall Sentinel => new("9999999999.9", "+493099999999", "Sentinel");

    public string PhonebookPath => Path.Combine(_directory, "phonebook.yaml");

    /// <summary>The harness with one monitor, logged in, announcing with one worker.</summary>
    public static async Task<EndToEndHarness> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null,
        AmiTestServerOptions? amiOptions = null,
        FakeRenfieldOptions? renfieldOptions = null,
        Action<WebApplicationBuilder>? configure = null,
        string phonebook = Phonebook)
    {
        var harness = await StartWithoutMonitorAsync(renfieldOptions, amiOptions, phonebook);
        var configuration = new Dictionary<string, string?> { ["Webhook:MaxConcurrency"] = "1" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        harness._monitors.Add(await MonitorUnderTest.StartAsync(harness.Configuration(configuration), configure));
        return harness;
    }

    public static async Task<EndToEndHarness> StartWithoutMonitorAsync(
        FakeRenfieldOptions? renfieldOptions = null, AmiTestServerOptions? amiOptions = null, string phonebook = Phonebook)
    {
        var directory = Directory.CreateTempSubdirectory("renfieldsip-e2e-").FullName;
        await File.WriteAllTextAsync(Path.Combine(directory, "phonebook.yaml"), phonebook);
        var ami = AmiTestServer.Start(amiOptions ?? new AmiTestServerOptions { Stream = AmiTestStreamMode.Manual, Login = AmiTestLoginMode.Accept });
        var renfield = await FakeRenfield.StartAsync(renfieldOptions ?? new FakeRenfieldOptions { Token = Token });
        return new EndToEndHarness(directory, ami, renfield);
    }

    /// <summary>The configuration every monitor of the harness gets, overridden by <paramref name="overrides"/>.</summary>
    public Dictionary<string, string?> Configuration(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Ami:Host"] = Ami.Host,
            ["Ami:Port"] = Ami.Port.ToString(CultureInfo.InvariantCulture),
            ["Ami:Username"] = "callmonitor",
            ["Ami:Secret"] = AmiSecret,
            ["Webhook:Url"] = Renfield.WebhookUrl.ToString(),
            ["Webhook:Token"] = Token,
            ["Phonebook:Path"] = PhonebookPath,
            ["Access:Token"] = MonitorToken,

            // Tests press the test call more often than an owner would; the limit has its own tests.
            ["Access:TestCallsPerWindow"] = "1000",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        return configuration;
    }

    /// <summary>Starts one more monitor and waits until it is logged in (it is the AMI server's connection number <c>n</c>).</summary>
    public async Task<(MonitorUnderTest Monitor, AmiTestServerConnection Connection)> StartMonitorAsync(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var monitor = await MonitorUnderTest.StartAsync(Configuration(overrides));
        _monitors.Add(monitor);
        var connection = await Ami.WaitForLoginAsync(_monitors.Count, TimeSpan.FromSeconds(10));
        return (monitor, connection);
    }

    /// <summary>The overall status GET /health answers: Healthy, Degraded or Unhealthy.</summary>
    public static async Task<string> HealthAsync(MonitorUnderTest monitor, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = monitor.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        using var response = await http.GetAsync(new Uri("/health", UriKind.Relative), cancellationToken);
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return body.RootElement.GetProperty("status").GetString()!;
    }

    /// <summary>POST /api/test-call; returns the HTTP status code and the body.</summary>
    public static async Task<(int Status, string Body)> TestCallAsync(MonitorUnderTest monitor, string? number, string? name, CancellationToken cancellationToken)
    {
        using var http = Client(monitor, TimeSpan.FromSeconds(30));
        using var response = await http.PostAsJsonAsync(new Uri("/api/test-call", UriKind.Relative), new { number, name }, cancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    /// <summary>An HTTP client of the monitor that sends the owner's bearer token.</summary>
    public static HttpClient Client(MonitorUnderTest monitor, TimeSpan? timeout = null)
    {
        var http = new HttpClient { BaseAddress = monitor.BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", MonitorToken);
        return http;
    }

    public static MonitorTelemetry Telemetry(MonitorUnderTest monitor) => monitor.GetRequiredService<MonitorTelemetry>();

    /// <summary>Requests whose <c>caller_number</c> has the digits of <paramref name="number"/>.</summary>
    public IReadOnlyList<FakeRenfieldRequest> RequestsFor(string number) =>
        [.. Renfield.Requests.Where(r => r.CallerDigits == PhoneDigits.Of(number))];

    /// <summary>Waits until Renfield received a request for <paramref name="call"/>'s caller; returns it.</summary>
    public async Task<FakeRenfieldRequest> WaitForCallAsync(int call, TimeSpan? timeout = null)
    {
        var digits = SyntheticCall.Numbered(call).Digits;
        var requests = await Renfield.WaitForAsync(
            all => all.Any(r => r.CallerDigits == digits), $"the announcement of call {call}", timeout ?? TimeSpan.FromSeconds(10));
        return requests.First(r => r.CallerDigits == digits);
    }

    /// <summary>
    /// Plays the capture with its recorded pauses on the monitor's settle clock (each pause passes once the monitor
    /// has read everything sent before it), then the sentinel; returns every announcement but the sentinel's.
    /// </summary>
    public async Task<IReadOnlyList<JsonElement>> PlayAsync(string capture, CancellationToken cancellationToken)
    {
        var connection = await Ami.WaitForLoginAsync(1, TimeSpan.FromSeconds(10));
        var baseline = Monitor.AmiStatus.EventsRead;
        var timed = TimedCapture.Load(capture);
        await timed.PlayAsync(connection, async (events, pause) =>
        {
            await Monitor.WaitForEventsReadAsync(baseline, events, cancellationToken);
            Monitor.SettleClock.Advance(pause);
        });
        await Monitor.WaitForEventsReadAsync(baseline, timed.Events, cancellationToken);
        return await FinishWithSentinelAsync(connection);
    }

    public async Task<IReadOnlyList<JsonElement>> FinishWithSentinelAsync(AmiTestServerConnection connection)
    {
        var sentinel = Sentinel;
        await connection.SendAsync(sentinel.Recording);
        var requests = await Renfield.WaitForAsync(
            all => all.Any(r => r.CallerDigits == sentinel.Digits),
            "the sentinel call's announcement",
            TimeSpan.FromSeconds(10));
        return [.. requests.Where(r => r.CallerDigits != sentinel.Digits).Select(r => r.Json!.Value)];
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var monitor in _monitors)
        {
            await monitor.DisposeAsync();
        }

        await Renfield.DisposeAsync();
        await Ami.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
