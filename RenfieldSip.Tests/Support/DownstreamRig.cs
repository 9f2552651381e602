using System.Globalization;
using System.Net.Http.Json;
using RenfieldSip.Monitor.Identity;
using RenfieldSip.Monitor.Telemetry;

namespace RenfieldSip.Tests.Support;

/// <summary>
/// One AMI test server (manual stream), one FakeRenfield and a phonebook file, with any number of real monitors
/// (in-process, <see cref="MonitorUnderTest"/>) pointed at them through configuration keys only.
/// </summary>
internal sealed class DownstreamRig : IAsyncDisposable
{
    public const string AmiSecret = "TestSecret-7f3a";
    public const string Token = "downstream-token";

    public const string Phonebook = """
        contacts:
          "+49 170 1234567": "Max Mustermann"
        """;

    private readonly List<MonitorUnderTest> _monitors = [];
    private readonly string _directory;

    private DownstreamRig(string directory, AmiTestServer ami, FakeRenfield renfield)
    {
        _directory = directory;
        Ami = ami;
        Renfield = renfield;
    }

    public AmiTestServer Ami { get; }

    public FakeRenfield Renfield { get; }

    public string PhonebookPath => Path.Combine(_directory, "phonebook.yaml");

    public static async Task<DownstreamRig> StartAsync(FakeRenfieldOptions? renfield = null, AmiTestServerOptions? ami = null)
    {
        var directory = Directory.CreateTempSubdirectory("renfieldsip-down-").FullName;
        await File.WriteAllTextAsync(Path.Combine(directory, "phonebook.yaml"), Phonebook);
        var server = AmiTestServer.Start(ami ?? new AmiTestServerOptions { Stream = AmiTestStreamMode.Manual, Login = AmiTestLoginMode.Accept });
        var fake = await FakeRenfield.StartAsync(renfield ?? new FakeRenfieldOptions { Token = Token });
        return new DownstreamRig(directory, server, fake);
    }

    /// <summary>The configuration every monitor of the rig gets, overridden by <paramref name="overrides"/>.</summary>
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
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        return configuration;
    }

    /// <summary>Starts a monitor and waits until it is logged in (it is the AMI server's connection number <c>n</c>).</summary>
    public async Task<(MonitorUnderTest Monitor, AmiTestServerConnection Connection)> StartMonitorAsync(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var monitor = await MonitorUnderTest.StartAsync(Configuration(overrides));
        _monitors.Add(monitor);
        var connection = await Ami.WaitForLoginAsync(_monitors.Count, TimeSpan.FromSeconds(10));
        return (monitor, connection);
    }

    /// <summary>The body of GET /health: Healthy, Degraded or Unhealthy.</summary>
    public static async Task<string> HealthAsync(MonitorUnderTest monitor, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = monitor.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        using var response = await http.GetAsync(new Uri("/health", UriKind.Relative), cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>POST /api/test-call; returns the HTTP status code and the body.</summary>
    public static async Task<(int Status, string Body)> TestCallAsync(MonitorUnderTest monitor, string? number, string? name, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = monitor.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var response = await http.PostAsJsonAsync(new Uri("/api/test-call", UriKind.Relative), new { number, name }, cancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
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
