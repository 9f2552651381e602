using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace RenfieldSip.Monitor.Telemetry;

/// <summary>The monitor's one ActivitySource and one Meter, named after the service so ServiceDefaults picks them up.</summary>
internal sealed class MonitorTelemetry : IDisposable
{
    public const string Name = "RenfieldSip.Monitor";

    public MonitorTelemetry(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ActivitySource = new ActivitySource(Name);
        Meter = meterFactory.Create(Name);
        CallsDetected = Meter.CreateCounter<long>("renfieldsip.calls.detected", "{call}", "Inbound trunk calls seen on AMI.");
        CallsNotified = Meter.CreateCounter<long>("renfieldsip.calls.notified", "{call}", "Calls Renfield accepted (200 or its own duplicate 429).");
        CallsSuppressed = Meter.CreateCounter<long>("renfieldsip.calls.suppressed", "{call}", "Calls not announced on purpose; tag reason: dedup (the same caller within the window), blocked or quiet_hours (a phonebook rule).");
        CallsFailed = Meter.CreateCounter<long>("renfieldsip.calls.failed", "{call}", "Calls whose announcement failed; tag outcome says why.");
        CallsUnannounced = Meter.CreateCounter<long>("renfieldsip.calls.unannounced", "{call}", "Calls that ended or were lost before their identity settled, or were dropped from a full queue.");
        NotifyLatency = Meter.CreateHistogram<double>(
            "renfieldsip.calls.notify_latency",
            "s",
            "From the call's detection to Renfield accepting the announcement.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
    }

    public ActivitySource ActivitySource { get; }

    public Meter Meter { get; }

    public Counter<long> CallsDetected { get; }

    public Counter<long> CallsNotified { get; }

    public Counter<long> CallsSuppressed { get; }

    public Counter<long> CallsFailed { get; }

    public Counter<long> CallsUnannounced { get; }

    public Histogram<double> NotifyLatency { get; }

    public void Dispose() => ActivitySource.Dispose();
}
