using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RenfieldSip.Monitor.Redis;

/// <summary>Degraded, not Unhealthy, without Redis: calls are still announced and recorded, only the shared window and history are lost.</summary>
internal sealed class RedisHealthCheck(RedisConnection redis, TimeProvider time) : IHealthCheck
{
    // A probe must answer quickly; a Redis slower than this is as good as away for the claims that wait on it.
    private static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(1);

    /// <summary>A round trip, reads and changes nothing.</summary>
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!redis.IsConfigured)
        {
            return HealthCheckResult.Healthy("in-memory (no Redis configured)");
        }

        return await redis.PingAsync(PingTimeout, time, cancellationToken)
            ? HealthCheckResult.Healthy("Redis reachable")
            : HealthCheckResult.Degraded($"Redis unreachable at {redis.Endpoint}; de-duplicating in memory");
    }
}
