using RenfieldSip.Monitor.Telemetry;

namespace RenfieldSip.Monitor.Trunk;

/// <summary>
/// The trunk's gauges on the monitor's Meter, read when a collector asks. A hosted service only so the host builds
/// it at start, before the first collection.
/// </summary>
internal sealed class TrunkMetrics : IHostedService
{
    public TrunkMetrics(MonitorTelemetry telemetry, TrunkStatus status)
    {
        ArgumentNullException.ThrowIfNull(telemetry);
        telemetry.Meter.CreateObservableGauge(
            "renfieldsip.trunk.registered",
            () => status.Registration == TrunkRegistration.Registered ? 1 : 0,
            description: "1 while Asterisk reports the SIP trunk registered.");
        telemetry.Meter.CreateObservableGauge(
            "renfieldsip.trunk.condition",
            () => (int)status.Diagnosis.Condition,
            description: "SIP trunk condition: 0 not reported, 1 registered, 2 keep-alives unanswered, 3 credentials refused, 4 registrar silent, 5 registration failed, 6 not registered, 7 recovering, 8 unreported.");
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
