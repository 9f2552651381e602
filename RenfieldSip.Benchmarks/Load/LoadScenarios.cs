using System.Globalization;
using System.Runtime.CompilerServices;

namespace RenfieldSip.Benchmarks.Load;

/// <summary>
/// The load scenarios of docs/PERFORMANCE.md (throughput, latency, memory, cold start). Each phase gets a freshly built stream of identical bytes, so the raw
/// reader and the monitor are compared on the same input, and each monitor phase a fresh process.
/// </summary>
internal sealed class LoadScenarios
{
    private readonly LoadOptions _options;
    private readonly LoadHarness _harness;
    private readonly TimeProvider _timeProvider;
    private readonly CallTemplate _template;
    private readonly NoiseRing _noise;

    public LoadScenarios(LoadOptions options, LoadHarness harness, TimeProvider timeProvider)
    {
        _options = options;
        _harness = harness;
        _timeProvider = timeProvider;
        _template = CallTemplate.FromCapture();
        _noise = NoiseRing.FromReadAllCaptures(options.Noise);
    }

    public async IAsyncEnumerable<IReadOnlyList<Figure>> RunAsync(string scenario, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (scenario is "raw" or "throughput" or "all")
        {
            yield return await ThroughputAsync(withMonitor: scenario != "raw", cancellationToken);
        }

        if (scenario is "raw" or "paced" or "all")
        {
            yield return await PacedAsync(withMonitor: scenario != "raw", cancellationToken);
        }

        if (scenario is "memory" or "all")
        {
            yield return await MemoryAsync(cancellationToken);
        }

        if (scenario is "coldstart")
        {
            yield return await ColdStartAsync(cancellationToken);
        }
    }

    private async Task<IReadOnlyList<Figure>> ColdStartAsync(CancellationToken cancellationToken)
    {
        const int MemoryAfterCalls = 10;
        var environment = MonitorEnvironment();

        // A real start logs at the monitor's default level; ExtraEnvironment (--env) still wins.
        environment.TryAdd("Logging__LogLevel__Default", "Information");
        var result = await _harness.RunColdStartAsync(Stream(_options.ColdCalls), environment, MemoryAfterCalls, cancellationToken);
        const string Name = "coldstart";
        var ledger = result.Ledger;
        var figures = new List<Figure>
        {
            new(Name, "start → /alive", result.ToAlive.TotalMilliseconds, "ms"),
            new(Name, "start → AMI login", result.ToLogin.TotalMilliseconds, "ms"),
            new(Name, "CPU start → login", result.CpuToLogin.TotalMilliseconds, "ms"),
            new(Name, "call 1: AMI event → webhook", ledger.LatencyMs(0, _timeProvider), "ms"),
            new(Name, "call 2: AMI event → webhook", ledger.LatencyMs(1, _timeProvider), "ms"),
            new(Name, "call 10: AMI event → webhook", ledger.LatencyMs(9, _timeProvider), "ms"),
            new(Name, string.Create(CultureInfo.InvariantCulture, $"call {ledger.Calls}: AMI event → webhook"), ledger.LatencyMs(ledger.Calls - 1, _timeProvider), "ms"),
            new(Name, "CPU per call, login → last call", result.CpuForCalls.TotalMilliseconds / ledger.Calls, "ms"),
            new(Name, "RSS at login", result.AtLogin?.RssMb ?? double.NaN, "MB"),
            new(Name, "RSS after 10 calls", result.AfterCalls?.RssMb ?? double.NaN, "MB"),
            new(Name, "peak RSS after 10 calls", result.AfterCalls?.PeakRssMb ?? double.NaN, "MB"),
            new(Name, "RSS anonymous (no mapped files) after 10 calls", result.AfterCalls?.RssAnonMb ?? double.NaN, "MB"),
            new(Name, string.Create(CultureInfo.InvariantCulture, $"peak RSS after {ledger.Calls} calls"), result.AtEnd?.PeakRssMb ?? double.NaN, "MB"),
            new(Name, "lost", ledger.Calls - ledger.Arrived, "calls"),
        };
        return figures;
    }

    private CallStream Stream(int calls) => new(_template, _noise, calls, _options.Noise, _options.Overlap);

    private CallStream? Warmup() => _options.WarmupCalls == 0
        ? null
        : new(_template, _noise, _options.WarmupCalls, _options.Noise, _options.Overlap, LoadHarness.WarmupFirstCall);

    private async Task<IReadOnlyList<Figure>> ThroughputAsync(bool withMonitor, CancellationToken cancellationToken)
    {
        var figures = new List<Figure>();
        var raw = await _harness.RunRawAsync(Stream(_options.Calls), new PumpPlan(PumpMode.Burst), cancellationToken);
        var rawSeconds = Seconds(raw.Pump.FirstByteTimestamp, raw.Read.LastByteTimestamp);
        var rawEventsPerSecond = raw.Read.Events / rawSeconds;
        const string RawName = "throughput/raw-reader";
        figures.Add(new(RawName, "events read", raw.Read.Events, "events"));
        figures.Add(new(RawName, "events/s", rawEventsPerSecond, "events/s"));
        figures.Add(new(RawName, "MB/s", raw.Read.Bytes / rawSeconds / 1e6, "MB/s"));
        figures.Add(new(RawName, "calls/s", raw.Ledger.Arrived / rawSeconds, "calls/s"));
        figures.Add(new(RawName, "events/s ÷ issue's raw reader (6M)", rawEventsPerSecond / SeedFigures.RawReaderEventsPerSecond, "×"));
        if (!withMonitor)
        {
            return figures;
        }

        var environment = MonitorEnvironment();
        environment.TryAdd("Webhook__QueueCapacity", _options.Calls.ToString(CultureInfo.InvariantCulture));
        var stream = Stream(_options.Calls);
        var monitor = await _harness.RunMonitorAsync(stream, Warmup(), new PumpPlan(PumpMode.Burst), environment, [], cancellationToken);
        const string Name = "throughput/monitor";
        var drainedSeconds = Seconds(monitor.Pump.FirstByteTimestamp, monitor.Pump.LastByteTimestamp);
        var lastArrival = monitor.Ledger.LastArrivalTimestamp;
        var endToEndSeconds = lastArrival == 0 ? double.NaN : Seconds(monitor.Pump.FirstByteTimestamp, lastArrival);
        var eventsPerSecond = stream.TotalEvents / endToEndSeconds;
        var callsPerSecond = monitor.Ledger.Arrived / endToEndSeconds;
        figures.Add(new(Name, "events/s (first byte → last announcement)", eventsPerSecond, "events/s"));
        figures.Add(new(Name, "events/s (socket drained)", stream.TotalEvents / drainedSeconds, "events/s"));
        figures.Add(new(Name, "calls/s announced", callsPerSecond, "calls/s"));
        AddDelivery(figures, Name, monitor);
        AddLatency(figures, Name, "burst latency (queueing included)", monitor.Ledger);
        figures.Add(new(Name, "monitor user CPU per 1,000 events (webhook path included)", monitor.UserCpu.TotalMilliseconds * 1000 / stream.TotalEvents, "ms"));
        figures.Add(new(Name, "monitor kernel CPU per 1,000 events", monitor.SystemCpu.TotalMilliseconds * 1000 / stream.TotalEvents, "ms"));
        figures.Add(new(Name, "monitor CPU ÷ wall time (2 cores = 2.0)", (monitor.UserCpu + monitor.SystemCpu).TotalSeconds / endToEndSeconds, "×"));
        figures.Add(new(Name, "events/s ÷ raw reader", eventsPerSecond / rawEventsPerSecond, "×"));
        figures.Add(new(Name, "events/s ÷ seed (30,000)", eventsPerSecond / SeedFigures.EventsPerSecond, "×"));
        figures.Add(new(Name, "calls/s ÷ seed (500)", callsPerSecond / SeedFigures.CallsPerSecond, "×"));
        return figures;
    }

    private async Task<IReadOnlyList<Figure>> PacedAsync(bool withMonitor, CancellationToken cancellationToken)
    {
        var calls = (int)(_options.Rate * _options.DurationSeconds);
        var plan = new PumpPlan(PumpMode.Paced, _options.Rate);
        var rateLabel = string.Create(CultureInfo.InvariantCulture, $"paced {_options.Rate:0}/s");
        var figures = new List<Figure>();
        var raw = await _harness.RunRawAsync(Stream(calls), plan, cancellationToken);
        var rawLatency = LatencySummary.From(raw.Ledger.LatenciesMs(_timeProvider));
        AddLatency(figures, rateLabel + "/raw-reader", "identity event → read", raw.Ledger);
        figures.Add(new(rateLabel + "/raw-reader", "calls/s sent", calls / Seconds(raw.Pump.FirstByteTimestamp, raw.Pump.LastByteTimestamp), "calls/s"));
        if (!withMonitor)
        {
            return figures;
        }

        var variants = new List<(string Name, Dictionary<string, string> Environment)> { (rateLabel + "/monitor", MonitorEnvironment()) };
        if (_options.Redis is { } redis)
        {
            var withRedis = MonitorEnvironment();
            withRedis["ConnectionStrings__redis"] = redis;
            variants.Add((rateLabel + "/monitor+redis", withRedis));
        }

        foreach (var (name, environment) in variants)
        {
            var monitor = await _harness.RunMonitorAsync(Stream(calls), Warmup(), plan, environment, [], cancellationToken);
            AddDelivery(figures, name, monitor);
            var latency = AddLatency(figures, name, "identity event → webhook", monitor.Ledger);
            figures.Add(new(name, "monitor user CPU per call", monitor.UserCpu.TotalMicroseconds / calls, "µs"));
            figures.Add(new(name, "monitor kernel CPU per call", monitor.SystemCpu.TotalMicroseconds / calls, "µs"));
            figures.Add(new(name, "p99 ÷ raw reader p99", latency is null || rawLatency is null ? double.NaN : latency.P99 / rawLatency.P99, "×"));
            figures.Add(new(name, "p99 ÷ seed (3 ms)", latency is null ? double.NaN : latency.P99 / SeedFigures.P99MsAt200CallsPerSecond, "×"));
        }

        return figures;
    }

    private async Task<IReadOnlyList<Figure>> MemoryAsync(CancellationToken cancellationToken)
    {
        var checkpoints = _options.MemoryCalls;
        var stream = Stream(checkpoints[^1]);
        var plan = new PumpPlan(PumpMode.Windowed, Window: _options.Window);
        var monitor = await _harness.RunMonitorAsync(stream, Warmup(), plan, MonitorEnvironment(), checkpoints, cancellationToken);
        const string Name = "memory/monitor";
        var figures = new List<Figure>();
        var endToEndSeconds = Seconds(monitor.Pump.FirstByteTimestamp, Math.Max(monitor.Ledger.LastArrivalTimestamp, monitor.Pump.LastByteTimestamp));
        figures.Add(new(Name, "events/s (window " + _options.Window.ToString(CultureInfo.InvariantCulture) + ")", stream.TotalEvents / endToEndSeconds, "events/s"));
        AddDelivery(figures, Name, monitor);
        foreach (var (calls, memory) in monitor.Checkpoints)
        {
            var at = "@" + calls.ToString("N0", CultureInfo.InvariantCulture) + " calls";
            figures.Add(new(Name, "peak RSS " + at, memory?.PeakRssMb ?? double.NaN, "MB"));
            figures.Add(new(Name, "RSS " + at, memory?.RssMb ?? double.NaN, "MB"));
            var seed = calls <= 10_000 ? SeedFigures.PeakRssMbAt10kCalls : calls >= 50_000 ? SeedFigures.PeakRssMbAt50kCalls : double.NaN;
            figures.Add(new(Name, "peak RSS " + at + " ÷ seed", (memory?.PeakRssMb ?? double.NaN) / seed, "×"));
        }

        if (monitor.Checkpoints.Count >= 2 && monitor.Checkpoints[0].Memory is { } firstMemory && monitor.Checkpoints[^1].Memory is { } lastMemory)
        {
            figures.Add(new(Name, "peak RSS growth first → last checkpoint", lastMemory.PeakRssMb - firstMemory.PeakRssMb, "MB"));
        }

        return figures;
    }

    private static void AddDelivery(List<Figure> figures, string name, MonitorPhaseResult monitor)
    {
        figures.Add(new(name, "announced", monitor.Ledger.Arrived, "calls"));
        figures.Add(new(name, "lost", monitor.Ledger.Calls - monitor.Ledger.Arrived, "calls"));
        figures.Add(new(name, "duplicates", monitor.Ledger.Duplicates, "calls"));
        figures.Add(new(name, "unmatched webhook requests", monitor.Ledger.Unmatched, "requests"));
        figures.Add(new(name, "requests without the token", monitor.Unauthorized, "requests"));
        figures.Add(new(name, "AMI logins (1 = no reconnect)", monitor.Logins, "logins"));
        figures.Add(new(name, "peak RSS", monitor.Memory?.PeakRssMb ?? double.NaN, "MB"));
    }

    private LatencySummary? AddLatency(List<Figure> figures, string name, string what, CallLedger ledger)
    {
        var latency = LatencySummary.From(ledger.LatenciesMs(_timeProvider));
        figures.Add(new(name, what + " p50", latency?.P50 ?? double.NaN, "ms"));
        figures.Add(new(name, what + " p95", latency?.P95 ?? double.NaN, "ms"));
        figures.Add(new(name, what + " p99", latency?.P99 ?? double.NaN, "ms"));
        figures.Add(new(name, what + " max", latency?.Max ?? double.NaN, "ms"));
        return latency;
    }

    private Dictionary<string, string> MonitorEnvironment()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (_options.MaxConcurrency is { } concurrency)
        {
            environment["Webhook__MaxConcurrency"] = concurrency.ToString(CultureInfo.InvariantCulture);
        }

        if (_options.QueueCapacity is { } capacity)
        {
            environment["Webhook__QueueCapacity"] = capacity.ToString(CultureInfo.InvariantCulture);
        }

        if (_options.DedupWindow is { } window)
        {
            environment["Dedup__Window"] = window;
        }

        foreach (var (key, value) in _options.ExtraEnvironment)
        {
            environment[key] = value;
        }

        return environment;
    }

    private double Seconds(long from, long to) => _timeProvider.GetElapsedTime(from, to).TotalSeconds;
}
