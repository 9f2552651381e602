using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RenfieldSip.Monitor.Phonebooks;

/// <summary>
/// Degraded, never Unhealthy: calls are still announced with the last good contacts (or by number), but the owner
/// should learn that an address book stopped updating, and why.
/// </summary>
internal sealed class PhonebookHealthCheck(PhonebookStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var problems = store.Sources
            .Where(source => source.Problem is not null)
            .Select(source => $"{source.Name}: {source.Problem}")
            .ToList();
        var count = store.Current.Count;
        return Task.FromResult(problems.Count == 0
            ? HealthCheckResult.Healthy($"{count} numbers from {string.Join(", ", store.Sources.Select(source => source.Name))}.")
            : HealthCheckResult.Degraded($"{string.Join("; ", problems)}. {count} numbers in use."));
    }
}
