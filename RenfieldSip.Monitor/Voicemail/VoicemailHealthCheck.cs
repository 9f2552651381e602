using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace RenfieldSip.Monitor.Voicemail;

/// <summary>
/// Degraded, never Unhealthy: an unreadable directory or file, or metadata that cannot be written (a missing or
/// read-only volume, wrong permissions, a full disk) costs messages their playback or their state after a restart,
/// not calls their announcement.
/// </summary>
internal sealed class VoicemailHealthCheck(VoicemailHealth health, IOptions<VoicemailOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var directory = options.Value.Directory;
        if (!options.Value.IsEnabled)
        {
            return Task.FromResult(HealthCheckResult.Healthy("Answering machine messages are not picked up (Voicemail:Directory is not set)."));
        }

        if (!Directory.Exists(directory))
        {
            return Task.FromResult(HealthCheckResult.Degraded($"Voicemail:Directory {directory} does not exist or cannot be read; is the volume mounted?"));
        }

        var problems = string.Join(" ", new[] { health.Problem, health.MetadataProblem }.OfType<string>());
        return Task.FromResult(problems.Length > 0
            ? HealthCheckResult.Degraded(problems + " Check the volume's permissions (docs/SIP_INTEGRATION.md, Anrufbeantworter).")
            : HealthCheckResult.Healthy($"Messages are read from {directory}."));
    }
}
