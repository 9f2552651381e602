using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RenfieldSip.Monitor.Ami;

/// <summary>Ready only while logged in; otherwise says in plain words what is wrong and where to look.</summary>
internal sealed class AmiHealthCheck(IAmiConnectionStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["endpoint"] = status.Endpoint,
            ["state"] = status.State.ToString(),
            ["reconnects"] = status.Reconnects,
            ["loginFailures"] = status.LoginFailures,
        };

        var result = status.State switch
        {
            AmiConnectionState.LoggedIn => HealthCheckResult.Healthy(
                $"AMI logged in at {status.Endpoint} as user '{status.Username}'.", data),
            AmiConnectionState.LoginRejected => HealthCheckResult.Unhealthy(
                $"AMI login refused for user '{status.Username}' at {status.Endpoint} — check AMI_SECRET and the [{status.Username}] entry (secret, permit=) in manager.conf.",
                data: data),
            AmiConnectionState.Connecting => HealthCheckResult.Unhealthy(
                $"AMI not logged in yet: connecting to {status.Endpoint}{Because(status.LastError)}.", data: data),
            _ => HealthCheckResult.Unhealthy(
                $"AMI not connected to {status.Endpoint}{Because(status.LastError)}; reconnecting.", data: data),
        };

        return Task.FromResult(result);
    }

    private static string Because(string? lastError) => lastError is null ? string.Empty : $" (last error: {lastError})";
}
