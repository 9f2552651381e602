using System.Globalization;
using System.Text.Json;
using RenfieldSip.Monitor.Trunk;
using RenfieldSip.Tests.Config;
using RenfieldSip.Tests.EndToEnd;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Sip;

/// <summary>
/// The SIP edge for real: sipp as the provider's registrar (digest auth, OPTIONS answered), a real Asterisk from the
/// project's templates registered to it, the monitor in-process logged in to that Asterisk's AMI, and a Renfield
/// webhook. Calls are sipp INVITEs sent the way the provider's proxy sends them.
/// </summary>
internal sealed class SipRig : IAsyncDisposable
{
    public const string SipUsername = "renfield-test";

    /// <summary>With ';' (escaped by the entrypoint) and '&amp;': the digest must survive the rendering.</summary>
    public const string SipPassword = "Test;Pass&7x";

    public const string AmiSecret = "sip-edge-ami-7c41d9";

    /// <summary>
    /// The template's intervals, shortened so failures and recoveries take seconds: keep-alive every 2 s (1 s
    /// timeout), registration granted for 15 s (Asterisk refreshes 10 s early, so every 5 s), retries after 2 s.
    /// </summary>
    public static readonly IReadOnlyDictionary<(string Section, string Key), string> TestIntervals = new Dictionary<(string, string), string>
    {
        [("sip-provider", "expiration")] = "15",
        [("sip-provider", "retry_interval")] = "2",
        [("sip-provider", "forbidden_retry_interval")] = "2",
        [("sip-provider-aor", "qualify_frequency")] = "2",
        [("sip-provider-aor", "qualify_timeout")] = "1.0",
    };

    public const int KeepAliveSeconds = 2;

    public const int GrantedExpirySeconds = 15;

    /// <summary>A REGISTER nobody answers fails after timer B: 6.4 s here instead of pjproject's 32 s.</summary>
    private const string FastTransactionTimeout = """
        ; Test only: a SIP transaction without an answer gives up after 64 x T1 = 6.4 s (default 32 s).
        [system]
        type = system
        timer_t1 = 100
        timer_b = 6400
        """;

    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    private readonly string _directory;

    private readonly IReadOnlyDictionary<string, string?> _monitorSettings;

    private SipRig(
        string directory, ProviderRegistrar provider, HostAsterisk asterisk, FakeRenfield renfield, MonitorUnderTest monitor, IReadOnlyDictionary<string, string?> monitorSettings)
    {
        _directory = directory;
        _monitorSettings = monitorSettings;
        Provider = provider;
        Asterisk = asterisk;
        Renfield = renfield;
        Monitor = monitor;
    }

    public ProviderRegistrar Provider { get; }

    public HostAsterisk Asterisk { get; }

    public FakeRenfield Renfield { get; }

    public MonitorUnderTest Monitor { get; }

    public string Registrar => Provider.Registrar;

    private string AsteriskAddress => $"127.0.0.1:{Asterisk.SipPort}";

    public static async Task<SipRig> StartAsync(SipRigOptions? options, CancellationToken cancellationToken)
    {
        options ??= new SipRigOptions();
        var directory = Directory.CreateTempSubdirectory("renfieldsip-sip-").FullName;
        await File.WriteAllTextAsync(Path.Combine(directory, "phonebook.yaml"), """
            contacts:
              "+49 170 1234567": "Max Mustermann"
              "0170 5555555": "Oma Helga"
            """, cancellationToken);
        var provider = new ProviderRegistrar(directory);
        HostAsterisk? asterisk = null;
        FakeRenfield? renfield = null;
        try
        {
            provider.Start(SipUsername, options.ProviderPassword, GrantedExpirySeconds);

            var voicemail = Directory.CreateDirectory(Path.Combine(directory, "voicemail")).FullName;
            asterisk = await HostAsterisk.StartAsync(
                new Dictionary<string, string?>(options.AsteriskEnvironment)
                {
                    ["SIP_REGISTRAR"] = $"127.0.0.1:{provider.Port}",
                    ["SIP_USERNAME"] = SipUsername,
                    ["SIP_PASSWORD"] = SipPassword,
                    ["AMI_SECRET"] = AmiSecret,
                    ["VOICEMAIL_DIR"] = voicemail,
                    ["VOICEMAIL_SOUNDS_DIR"] = RepositoryLayout.PathOf("config", "asterisk", "sounds"),
                    ["SIP_PROVIDER_ADDRESSES"] = options.ProviderAddresses,
                },
                TestIntervals,
                FastTransactionTimeout,
                cancellationToken);
            renfield = await FakeRenfield.StartAsync(new FakeRenfieldOptions { Token = "sip-token" });
            var monitorSettings = new Dictionary<string, string?>(options.MonitorSettings)
                {
                    ["Ami:Host"] = "127.0.0.1",
                    ["Ami:Port"] = asterisk.AmiPort.ToString(CultureInfo.InvariantCulture),
                    ["Ami:Username"] = "callmonitor",
                    ["Ami:Secret"] = AmiSecret,
                    ["Webhook:Url"] = renfield.WebhookUrl.ToString(),
                    ["Webhook:Token"] = "sip-token",
                    ["Phonebook:Path"] = Path.Combine(directory, "phonebook.yaml"),
                    ["Voicemail:Directory"] = voicemail,
                    ["Access:Token"] = EndToEndHarness.MonitorToken,
                };
            var monitor = await MonitorUnderTest.StartAsync(monitorSettings, cancellationToken: cancellationToken);
            var rig = new SipRig(directory, provider, asterisk, renfield, monitor, monitorSettings);
            await Poll.UntilAsync(
                () => monitor.Logs.GetSnapshot().Any(r => r.Id.Id == 1001), "the monitor's AMI login to the real Asterisk", HangGuard, cancellationToken);
            return rig;
        }
        catch
        {
            await provider.DisposeAsync();
            if (asterisk is not null)
            {
                await asterisk.DisposeAsync();
            }

            if (renfield is not null)
            {
                await renfield.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>
    /// Another monitor with the same settings (the same Asterisk, Renfield, phonebook, recordings directory and, when
    /// given, Redis): what the rig's monitor left on disk and in Redis is what a restarted monitor finds. The caller
    /// disposes it.
    /// </summary>
    public Task<MonitorUnderTest> StartSecondMonitorAsync(CancellationToken cancellationToken) =>
        MonitorUnderTest.StartAsync(_monitorSettings, cancellationToken: cancellationToken);

    /// <summary>Waits until the registrar (its current run) accepted a REGISTER; returns the Contact's line token.</summary>
    public async Task<string> WaitForRegistrationAsync(CancellationToken cancellationToken)
    {
        await Poll.UntilAsync(() => Provider.LastLine() is not null, "the registrar to accept a REGISTER", HangGuard, cancellationToken);
        return Provider.LastLine()!;
    }

    /// <summary>The provider comes back with no memory of the registration (a fresh registrar on the same port).</summary>
    public void RestartProvider(string password = SipPassword) => Provider.Start(SipUsername, password, GrantedExpirySeconds);

    /// <summary>Runs a provider scenario against Asterisk; returns sipp's exit code (0: every call went as scripted).</summary>
    public Task<int> SendAsync(string scenario, IReadOnlyList<string> arguments, string sourceAddress, CancellationToken cancellationToken) =>
        ProviderCalls.SendAsync(AsteriskAddress, scenario, arguments, sourceAddress, _directory, HangGuard, cancellationToken);

    /// <summary>Where this rig's Asterisk records the answering machine's messages (VOICEMAIL_DIR).</summary>
    public string VoicemailDirectory => Path.Combine(_directory, "voicemail");

    /// <summary>Calls from the provider, one per CSV row (caller;name;DID), all at once (<see cref="ProviderCalls.CallAsync"/>).</summary>
    public Task<int> CallAsync(
        string requestUri,
        IReadOnlyList<(string Caller, string Name, string Did)> calls,
        CancellationToken cancellationToken,
        string scenario = "provider-invite.xml",
        string sourceAddress = "127.0.0.1") =>
        ProviderCalls.CallAsync(AsteriskAddress, requestUri, calls, _directory, HangGuard, cancellationToken, scenario, sourceAddress);

    public string LineUri(string? user, string line) =>
        user is null ? $"sip:127.0.0.1:{Asterisk.SipPort};line={line}" : $"sip:{user}@127.0.0.1:{Asterisk.SipPort};line={line}";

    /// <summary>Waits until the monitor's trunk condition is <paramref name="condition"/>; on timeout says what Asterisk and the provider saw.</summary>
    public async Task WaitForTrunkAsync(TrunkCondition condition, CancellationToken cancellationToken)
    {
        var status = Monitor.GetRequiredService<TrunkStatus>();
        try
        {
            await Poll.UntilAsync(() => status.Diagnosis.Condition == condition, $"the trunk to be {condition}", HangGuard, cancellationToken);
        }
        catch (TimeoutException timeout)
        {
            var trunkLines = Monitor.Logs.GetSnapshot().Where(r => r.Id.Id is >= 1600 and < 1700).Select(r => $"{r.Timestamp:HH:mm:ss.fff} {r.Id.Id}");
            throw new TimeoutException(
                $"{timeout.Message} Now {status.Diagnosis.Condition}; trunk log: {string.Join(", ", trunkLines)}; registrar running: {Provider.IsRunning}, "
                + $"REGISTERED {Provider.Events("REGISTERED").Count}, KEEPALIVE {Provider.Events("KEEPALIVE").Count}, REFUSED {Provider.Events("REFUSED").Count}.\n"
                + await Asterisk.CommandAsync("pjsip show registrations", cancellationToken)
                + await Asterisk.CommandAsync("pjsip show contacts", cancellationToken),
                timeout);
        }
    }

    /// <summary>GET /health: the status code and the JSON body.</summary>
    public async Task<(int Status, JsonElement Body, string Text)> HealthAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = Monitor.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        using var response = await http.GetAsync(new Uri("/health", UriKind.Relative), cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return ((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), text);
    }

    public async ValueTask DisposeAsync()
    {
        await Monitor.DisposeAsync();
        await Provider.DisposeAsync();
        await Asterisk.DisposeAsync();
        await Renfield.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
