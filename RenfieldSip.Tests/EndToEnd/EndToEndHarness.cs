using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using RenfieldSip.Monitor.Identity;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.EndToEnd;

/// <summary>An AMI server playing a capture, a Renfield webhook, and the real monitor between them.</summary>
internal sealed class EndToEndHarness : IAsyncDisposable
{
    public const string Phonebook = """
        contacts:
          "+49 170 1234567": "Max Mustermann"
          "+49 171 9876543": "Emma Mustermann"
          "0170 5555555": "Oma Helga"
        """;

    private readonly string _directory;

    private EndToEndHarness(string directory, AmiTestServer ami, FakeRenfield renfield, MonitorUnderTest monitor)
    {
        _directory = directory;
        Ami = ami;
        Renfield = renfield;
        Monitor = monitor;
    }

    public AmiTestServer Ami { get; }

    public FakeRenfield Renfield { get; }

    public MonitorUnderTest Monitor { get; }

    /// <summary>
    /// A known call settled by the identity event, as the last thing on the wire: once it is announced by a single
    /// worker, everything before it has been handled.
    /// </summary>
    public static SyntheticCall Sentinel => new("9999999999.9", "+493099999999", "Sentinel");

    public string PhonebookPath => Path.Combine(_directory, "phonebook.yaml");

    public static async Task<EndToEndHarness> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null,
        AmiTestServerOptions? amiOptions = null,
        FakeRenfieldOptions? renfieldOptions = null,
        Action<WebApplicationBuilder>? configure = null,
        string phonebook = Phonebook)
    {
        var directory = Directory.CreateTempSubdirectory("renfieldsip-e2e-").FullName;
        await File.WriteAllTextAsync(Path.Combine(directory, "phonebook.yaml"), phonebook);
        var ami = AmiTestServer.Start(amiOptions ?? new AmiTestServerOptions { Stream = AmiTestStreamMode.Manual, Login = AmiTestLoginMode.Accept });
        var renfield = await FakeRenfield.StartAsync(renfieldOptions ?? new FakeRenfieldOptions { Token = "e2e-token" });
        var configuration = new Dictionary<string, string?>
        {
            ["Ami:Host"] = ami.Host,
            ["Ami:Port"] = ami.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Ami:Username"] = "callmonitor",
            ["Ami:Secret"] = "TestSecret-7f3a",
            ["Webhook:Url"] = renfield.WebhookUrl.ToString(),
            ["Webhook:Token"] = "e2e-token",
            ["Webhook:MaxConcurrency"] = "1",
            ["Phonebook:Path"] = Path.Combine(directory, "phonebook.yaml"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var monitor = await MonitorUnderTest.StartAsync(configuration, configure);
        return new EndToEndHarness(directory, ami, renfield, monitor);
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
        await Monitor.DisposeAsync();
        await Renfield.DisposeAsync();
        await Ami.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
