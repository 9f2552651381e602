using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RenfieldSip.Monitor.Trunk;

/// <summary>
/// One trunk condition in the words a Renfield owner reads in the log and in <c>/health</c>: what is wrong and what to
/// change. Names the registrar host only; never the SIP username (often the phone number) or the password.
/// </summary>
internal sealed record TrunkDiagnosis(TrunkCondition Condition, HealthStatus Health, string Problem, string? Fix)
{
    public string Description => Fix is null ? Problem : $"{Problem} Fix: {Fix}";

    public static TrunkDiagnosis For(TrunkCondition condition, string registrar) => condition switch
    {
        TrunkCondition.Registered => new(condition, HealthStatus.Healthy, $"SIP trunk registered at {registrar}.", null),
        TrunkCondition.KeepAliveUnanswered => new(
            condition,
            HealthStatus.Degraded,
            $"SIP trunk registered at {registrar}, but the provider stopped answering keep-alives: incoming calls may not arrive.",
            "check the internet connection and the router; Asterisk registers again by itself once the provider answers."),
        TrunkCondition.CredentialsRefused => new(
            condition,
            HealthStatus.Degraded,
            $"SIP provider at {registrar} refused the registration (SIP 401/403: wrong credentials).",
            "check SIP_USERNAME and SIP_PASSWORD (sipgate: the device's SIP-ID, not the login e-mail), then recreate the asterisk container."),
        TrunkCondition.RegistrarSilent => new(
            condition,
            HealthStatus.Degraded,
            $"SIP registrar {registrar} does not answer (timeout).",
            "check SIP_REGISTRAR (host name and port), DNS, and that the firewall lets outgoing UDP 5060 and its answers through."),
        TrunkCondition.RegistrationFailed => new(
            condition,
            HealthStatus.Degraded,
            $"SIP trunk registration at {registrar} failed.",
            "if the provider refused it (401/403) check SIP_USERNAME and SIP_PASSWORD; if it timed out check SIP_REGISTRAR, DNS and the firewall."),
        TrunkCondition.NotRegistered => new(
            condition,
            HealthStatus.Degraded,
            $"SIP trunk not registered at {registrar}: Asterisk stopped registering.",
            "restart the asterisk container; if it stops again, its log names the SIP answer."),
        TrunkCondition.Recovering => new(
            condition,
            HealthStatus.Degraded,
            $"SIP registrar {registrar} answers again after a timeout; Asterisk registers again at its next attempt (within 60 s).",
            null),
        TrunkCondition.Unreported => new(
            condition,
            HealthStatus.Degraded,
            $"Asterisk has not reported the SIP trunk's registration for {TrunkReportWatchdog.Grace.TotalMinutes:0} minutes: it is failing quietly (a refused password is retried only every 10 minutes) or the AMI user cannot see it.",
            "run docker exec renfield-asterisk asterisk -rx 'pjsip show registrations'; on Rejected check SIP_USERNAME and SIP_PASSWORD; the AMI user needs read = call,user,system in manager.conf."),
        _ => new(
            condition,
            HealthStatus.Healthy,
            "SIP trunk registration not reported yet: Asterisk reports it at its next registration attempt (at least every 5 minutes).",
            null),
    };
}
