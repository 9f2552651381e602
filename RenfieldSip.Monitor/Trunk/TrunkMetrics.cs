using System.Diagnostics.Metrics;

namespace RenfieldSip.Monitor.Trunk;

/// <summary>The trunk's gauges: read from <see cref="TrunkStatus"/> when a collector asks.</summary>
internal static class TrunkMetrics
{
    public static void Register(Meter meter, TrunkStatus status)
    {
        meter.CreateObservableGauge(
            "renfieldsip.trunk.registered",
            () => status.Registration == TrunkRegistration.Registered ? 1 : 0,
            description: "1 while Asterisk reports the SIP trunk registered.");
        meter.CreateObservableGauge(
            "renfieldsip.trunk.condition",
            () => (int)status.Diagnosis.Condition,
            description: "SIP trunk condition: 0 not reported, 1 registered, 2 keep-alives unanswered, 3 credentials refused, 4 registrar silent, 5 registration failed, 6 not registered, 7 recovering, 8 unreported.");
    }
}
