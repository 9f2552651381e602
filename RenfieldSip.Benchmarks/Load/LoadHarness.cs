using System.Globalization;
using System.Text;
using RenfieldSip.Monitor.Identity;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Benchmarks.Load;

/// <summary>
/// Runs one measured phase: a fresh generator, the stream pumped into either the raw reader or a fresh monitor
/// process, and the wait for every announcement. Every wait is bounded by the phase timeout or the idle timeout.
/// </summary>
internal sealed class LoadHarness : IAsyncDisposable
{
    private const string Token = "load-test-token";
    private static readonly TimeSpan LoginTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(2);

    // Tiered JIT recompiles hot methods in the background about 100 ms after they turned hot; a second is ample.
    private static readonly TimeSpan TierUpPause = TimeSpan.FromSeconds(1);

    // Warm-up callers get numbers far from the measured ones, so the 30 s dedup window cannot hide a measured call.
    internal const int WarmupFirstCall = 5_000_000;

    private readonly LoadOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly WebhookSink _sink;
    private readonly string _workDirectory;

    private LoadHarness(LoadOptions options, TimeProvider timeProvider, WebhookSink sink, string workDirectory)
    {
        _options = options;
        _timeProvider = timeProvider;
        _sink = sink;
        _workDirectory = workDirectory;
    }

    public string PhonebookPath => Path.Combine(_workDirectory, "phonebook.yaml");

    public static async Task<LoadHarness> StartAsync(LoadOptions options, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var workDirectory = Directory.CreateTempSubdirectory("renfieldsip-load-").FullName;
        var sink = await WebhookSink.StartAsync(Token, timeProvider, 0, cancellationToken);
        var harness = new LoadHarness(options, timeProvider, sink, workDirectory);
        await File.WriteAllTextAsync(harness.PhonebookPath, Phonebook(), cancellationToken);
        await sink.WarmUpAsync(cancellationToken);
        return harness;
    }

    public async Task<RawPhaseResult> RunRawAsync(CallStream stream, PumpPlan plan, CancellationToken cancellationToken)
    {
        var ledger = new CallLedger(stream.Calls);
        await using var server = StartAmiServer();
        var reader = new RawSocketReader(ledger, stream.IdentityOrdinals, _timeProvider);
        using var phase = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        phase.CancelAfter(_options.PhaseTimeout);
        try
        {
            var reading = reader.RunAsync(server.Port, stream.TotalEvents, phase.Token);
            var connection = await server.WaitForLoginAsync(1, LoginTimeout).WaitAsync(phase.Token);
            var pump = await new StreamPump(stream, ledger, _timeProvider).RunAsync(connection, plan, phase.Token);
            var read = await reading;
            return new RawPhaseResult(pump, read, ledger);
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new LoadPhaseException("The raw reader phase exceeded --timeout.", ex);
        }
    }

    public async Task<MonitorPhaseResult> RunMonitorAsync(
        CallStream stream,
        CallStream? warmup,
        PumpPlan plan,
        IReadOnlyDictionary<string, string> extraEnvironment,
        IReadOnlyList<int> memoryCheckpoints,
        CancellationToken cancellationToken)
    {
        var monitorDll = MonitorDll();
        var ledger = new CallLedger(stream.Calls);
        _sink.Attach(ledger);
        try
        {
            await using var server = StartAmiServer();
            var environment = MonitorEnvironment(server, extraEnvironment);
            await using var monitor = await MonitorProcess.StartAsync(environment, cancellationToken, monitorDll);
            using var phase = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            phase.CancelAfter(_options.PhaseTimeout);
            try
            {
                return await MeasureAsync(stream, warmup, plan, memoryCheckpoints, ledger, server, monitor, phase.Token);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new LoadPhaseException("The phase exceeded --timeout; the monitor's last lines:\n" + string.Join('\n', monitor.LastLines()), ex);
            }
        }
        finally
        {
            _sink.Attach(null);
        }
    }

    /// <summary>--monitor, or the Release build beside the tool.</summary>
    private string MonitorDll() => _options.MonitorDll ?? FindMonitorDll()
        ?? throw new LoadPhaseException("RenfieldSip.Monitor.dll (Release) not found: build it with `dotnet build RenfieldSip.Monitor -c Release` or pass --monitor PATH.");

    /// <summary>
    /// One cold start: a fresh monitor process, its AMI login, then <paramref name="stream"/>'s calls one at a time,
    /// each written only when the previous one has arrived at the sink, so every call meets an idle monitor.
    /// </summary>
    public async Task<ColdStartResult> RunColdStartAsync(CallStream stream, IReadOnlyDictionary<string, string> extraEnvironment, int memoryAfterCalls, CancellationToken cancellationToken)
    {
        var monitorDll = MonitorDll();
        var ledger = new CallLedger(stream.Calls);
        _sink.Attach(ledger);
        try
        {
            await using var server = StartAmiServer();
            var environment = MonitorEnvironment(server, extraEnvironment);
            var started = _timeProvider.GetTimestamp();
            await using var monitor = await MonitorProcess.StartAsync(environment, cancellationToken, monitorDll);
            var alive = _timeProvider.GetTimestamp();
            using var phase = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            phase.CancelAfter(_options.PhaseTimeout);
            try
            {
                var connection = await WaitForLoginAsync(server, monitor, phase.Token);
                var loggedIn = _timeProvider.GetTimestamp();
                var cpuAtLogin = monitor.CpuTime();
                var memoryAtLogin = ProcessMemory.Read(monitor.Id);
                var sampling = SampleAtCheckpointsAsync(ledger, monitor, [memoryAfterCalls], phase.Token);
                var pump = await new StreamPump(stream, ledger, _timeProvider).RunAsync(connection, new PumpPlan(PumpMode.Windowed, Window: 1), phase.Token);
                await WaitForAnnouncementsAsync(ledger, monitor, phase.Token);
                var afterCalls = await sampling;
                var cpuAtEnd = monitor.CpuTime();
                var memoryAtEnd = ProcessMemory.Read(monitor.Id);
                if (monitor.HasExited)
                {
                    throw new LoadPhaseException("The monitor exited during the run:\n" + string.Join('\n', monitor.LastLines()));
                }

                return new ColdStartResult(
                    ledger,
                    _timeProvider.GetElapsedTime(started, alive),
                    _timeProvider.GetElapsedTime(started, loggedIn),
                    cpuAtLogin.User + cpuAtLogin.System,
                    (cpuAtEnd.User + cpuAtEnd.System) - (cpuAtLogin.User + cpuAtLogin.System),
                    memoryAtLogin,
                    afterCalls[0].Memory,
                    memoryAtEnd,
                    pump);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new LoadPhaseException("The cold start exceeded --timeout; the monitor's last lines:\n" + string.Join('\n', monitor.LastLines()), ex);
            }
        }
        finally
        {
            _sink.Attach(null);
        }
    }

    private Dictionary<string, string> MonitorEnvironment(AmiTestServer server, IReadOnlyDictionary<string, string> extraEnvironment)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AMI_HOST"] = "127.0.0.1",
            ["AMI_PORT"] = server.Port.ToString(CultureInfo.InvariantCulture),
            ["AMI_USERNAME"] = "callmonitor",
            ["AMI_SECRET"] = "LoadTest-Secret-2026",
            ["RENFIELD_WEBHOOK_URL"] = _sink.Url.ToString(),
            ["RENFIELD_WEBHOOK_TOKEN"] = Token,
            ["PHONEBOOK_PATH"] = PhonebookPath,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in extraEnvironment)
        {
            environment[key] = value;
        }

        return environment;
    }

    private async Task<MonitorPhaseResult> MeasureAsync(
        CallStream stream,
        CallStream? warmup,
        PumpPlan plan,
        IReadOnlyList<int> memoryCheckpoints,
        CallLedger ledger,
        AmiTestServer server,
        MonitorProcess monitor,
        CancellationToken cancellationToken)
    {
        var connection = await WaitForLoginAsync(server, monitor, cancellationToken);
        if (warmup is not null)
        {
            await WarmUpAsync(warmup, connection, monitor, cancellationToken);
            _sink.Attach(ledger);
        }

        var cpuAtStart = monitor.CpuTime();

        using var sampling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var checkpoints = SampleAtCheckpointsAsync(ledger, monitor, memoryCheckpoints, sampling.Token);
        var pump = await new StreamPump(stream, ledger, _timeProvider).RunAsync(connection, plan, cancellationToken);
        await WaitForAnnouncementsAsync(ledger, monitor, cancellationToken);
        var memory = ProcessMemory.Read(monitor.Id);
        var cpuAtEnd = monitor.CpuTime();
        await sampling.CancelAsync();
        var snapshots = await checkpoints;
        if (monitor.HasExited)
        {
            throw new LoadPhaseException("The monitor exited during the run:\n" + string.Join('\n', monitor.LastLines()));
        }

        return new MonitorPhaseResult(pump, ledger, memory, snapshots, server.Logins, _sink.Unauthorized, cpuAtEnd.User - cpuAtStart.User, cpuAtEnd.System - cpuAtStart.System);
    }

    public async ValueTask DisposeAsync()
    {
        await _sink.DisposeAsync();
        Directory.Delete(_workDirectory, recursive: true);
    }

    /// <summary>The Release build of the monitor in the repository this tool was built from.</summary>
    private static string? FindMonitorDll()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "RenfieldSip.Monitor", "bin", "Release", "net10.0", "RenfieldSip.Monitor.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The first 1,000 generated callers are contacts, the rest unknown: both lookup paths are exercised.</summary>
    internal static string Phonebook()
    {
        var yaml = new StringBuilder("contacts:\n");
        for (var call = 0; call < 1_000; call++)
        {
            var subscriber = CallerNumbers.Subscriber(call).ToString(CultureInfo.InvariantCulture);
            yaml.Append(CultureInfo.InvariantCulture, $"  \"+49 170 {subscriber}\": \"Lastanrufer {call:D4}\"\n");
        }

        return yaml.ToString();
    }

    /// <summary>
    /// Runs <paramref name="warmup"/> through the monitor and waits for its announcements, so the measured stream
    /// meets what a monitor that has been up for a while is: optimized code, open webhook connections.
    /// </summary>
    private async Task WarmUpAsync(CallStream warmup, AmiTestServerConnection connection, MonitorProcess monitor, CancellationToken cancellationToken)
    {
        var ledger = new CallLedger(warmup.Calls, warmup.FirstCall);
        _sink.Attach(ledger);
        await new StreamPump(warmup, ledger, _timeProvider).RunAsync(connection, new PumpPlan(PumpMode.Windowed, Window: _options.Window), cancellationToken);
        await WaitForAnnouncementsAsync(ledger, monitor, cancellationToken);
        if (ledger.Arrived < warmup.Calls)
        {
            throw new LoadPhaseException($"The monitor announced {ledger.Arrived} of {warmup.Calls} warm-up calls:\n" + string.Join('\n', monitor.LastLines()));
        }

        await Task.Delay(TierUpPause, _timeProvider, cancellationToken);
    }

    /// <summary>
    /// The tests' AMI server: every client is logged in, and nothing is streamed but what the pump writes to the
    /// first connection. A later login (a reconnecting monitor) is served and counted, because it is a finding.
    /// </summary>
    private static AmiTestServer StartAmiServer() =>
        AmiTestServer.Start(new AmiTestServerOptions { Login = AmiTestLoginMode.Accept, Stream = AmiTestStreamMode.Manual });

    private async Task<AmiTestServerConnection> WaitForLoginAsync(AmiTestServer server, MonitorProcess monitor, CancellationToken cancellationToken)
    {
        var login = server.WaitForLoginAsync(1, LoginTimeout);
        while (!login.IsCompleted)
        {
            if (monitor.HasExited)
            {
                throw new LoadPhaseException("The monitor exited before logging in:\n" + string.Join('\n', monitor.LastLines()));
            }

            await Task.WhenAny(login, Task.Delay(TimeSpan.FromMilliseconds(50), _timeProvider, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }

        try
        {
            return await login;
        }
        catch (TimeoutException ex)
        {
            throw new LoadPhaseException("The monitor did not log in within 60 s:\n" + string.Join('\n', monitor.LastLines()), ex);
        }
    }

    private async Task WaitForAnnouncementsAsync(CallLedger ledger, MonitorProcess monitor, CancellationToken cancellationToken)
    {
        var lastCount = ledger.Arrived;
        var lastProgress = _timeProvider.GetTimestamp();
        while (ledger.Arrived < ledger.Calls && !monitor.HasExited)
        {
            var count = ledger.Arrived;
            if (count != lastCount)
            {
                lastCount = count;
                lastProgress = _timeProvider.GetTimestamp();
            }
            else if (_timeProvider.GetElapsedTime(lastProgress) > _options.IdleTimeout)
            {
                return;
            }

            try
            {
                await Task.Delay(PollInterval, _timeProvider, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return; // The phase timeout: report what arrived so far, the rest counts as lost.
            }
        }
    }

    private async Task<IReadOnlyList<(int Calls, ProcessMemory? Memory)>> SampleAtCheckpointsAsync(
        CallLedger ledger, MonitorProcess monitor, IReadOnlyList<int> checkpoints, CancellationToken cancellationToken)
    {
        var snapshots = new List<(int, ProcessMemory?)>();
        var next = 0;
        while (next < checkpoints.Count)
        {
            if (ledger.Arrived >= checkpoints[next])
            {
                snapshots.Add((checkpoints[next++], ProcessMemory.Read(monitor.Id)));
                continue;
            }

            try
            {
                await Task.Delay(PollInterval, _timeProvider, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        // A checkpoint never reached (calls lost) is reported with the memory at the end.
        for (; next < checkpoints.Count; next++)
        {
            snapshots.Add((checkpoints[next], ProcessMemory.Read(monitor.Id)));
        }

        return snapshots;
    }
}
