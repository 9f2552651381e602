using System.Diagnostics.Metrics;

namespace RenfieldSip.Monitor.Dedup;

/// <summary>The dedup store's instruments, read from its state when a collector asks.</summary>
internal static class DedupMetrics
{
    public static void Register(Meter meter, ResilientDedupStore dedup)
    {
        meter.CreateObservableGauge("renfieldsip.dedup.degraded", () => dedup.IsDegraded ? 1 : 0, description: "1 while Redis is configured but unreachable and dedup runs in memory.");
        meter.CreateObservableCounter("renfieldsip.dedup.fallbacks", () => dedup.FallbackCount, "{claim}", "Dedup claims answered from memory because Redis was unreachable.");
    }
}
