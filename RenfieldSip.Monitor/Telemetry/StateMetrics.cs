using RenfieldSip.Monitor.Ami;
using RenfieldSip.Monitor.Calls;
using RenfieldSip.Monitor.Dedup;

namespace RenfieldSip.Monitor.Telemetry;

/// <summary>
/// The observable side of the monitor's Meter: state that other components already keep (AMI session, calls in
/// progress, Redis fallback) is read when a collector asks, so no hot path pays for it. A hosted service only so
/// the host builds it at start: the instruments must exist before the first collection.
/// </summary>
internal sealed class StateMetrics : IHostedService
{
    public StateMetrics(MonitorTelemetry telemetry, IAmiConnectionStatus ami, CallTracker tracker, ResilientDedupStore dedup)
    {
        ArgumentNullException.ThrowIfNull(telemetry);
        var meter = telemetry.Meter;
        meter.CreateObservableGauge("renfieldsip.ami.logged_in", () => ami.State == AmiConnectionState.LoggedIn ? 1 : 0, description: "1 while the AMI session is logged in.");
        meter.CreateObservableGauge("renfieldsip.ami.state", () => (int)ami.State, description: "AMI session state: 0 disconnected, 1 connecting, 2 logged in, 3 login rejected.");
        meter.CreateObservableCounter("renfieldsip.ami.events", () => ami.EventsRead, "{event}", "AMI events read.");
        meter.CreateObservableCounter("renfieldsip.ami.bytes", () => ami.BytesRead, "By", "Bytes read from AMI.");
        meter.CreateObservableCounter("renfieldsip.ami.reconnects", () => ami.Reconnects, "{connection}", "AMI connection attempts after the first.");
        meter.CreateObservableCounter("renfieldsip.ami.protocol_errors", () => ami.ProtocolErrors, "{error}", "AMI sessions ended by bytes that were not AMI.");
        meter.CreateObservableCounter("renfieldsip.ami.login_failures", () => ami.LoginFailures, "{attempt}", "AMI logins refused.");
        meter.CreateObservableUpDownCounter("renfieldsip.calls.active", () => tracker.ActiveCalls, "{call}", "Inbound calls ringing now.");
        meter.CreateObservableGauge("renfieldsip.dedup.degraded", () => dedup.IsDegraded ? 1 : 0, description: "1 while Redis is configured but unreachable and dedup runs in memory.");
        meter.CreateObservableCounter("renfieldsip.dedup.fallbacks", () => dedup.FallbackCount, "{claim}", "Dedup claims answered from memory because Redis was unreachable.");
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
