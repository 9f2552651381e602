using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RenfieldSip.Monitor.Trunk;

/// <summary>Degraded while the trunk is not registered or its provider stopped answering, with the cause and the fix.</summary>
internal sealed class TrunkHealthCheck(TrunkStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var diagnosis = status.Diagnosis;
        return Task.FromResult(new HealthCheckResult(diagnosis.Health, diagnosis.Description));
    }
}
