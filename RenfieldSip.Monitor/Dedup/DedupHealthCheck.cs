using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RenfieldSip.Monitor.Dedup;

/// <summary>Degraded, not Unhealthy, without Redis: calls are still announced, only the shared window is lost.</summary>
internal sealed class DedupHealthCheck(ResilientDedupStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        => store.CheckHealthAsync(cancellationToken);
}
