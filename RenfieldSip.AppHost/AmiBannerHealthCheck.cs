using System.Net.Sockets;
using System.Text;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RenfieldSip.AppHost;

/// <summary>
/// Healthy once Asterisk's manager interface greets with its banner. A bare TCP connect is not
/// enough: the endpoint is proxied by the orchestrator, whose proxy accepts connections long
/// before Asterisk listens behind it.
/// </summary>
internal sealed class AmiBannerHealthCheck(EndpointReference ami) : IHealthCheck
{
    private const string Banner = "Asterisk Call Manager/";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!ami.IsAllocated)
        {
            return HealthCheckResult.Unhealthy("The AMI endpoint is not allocated yet.");
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            using var client = new TcpClient();
            await client.ConnectAsync(ami.Host, ami.Port, timeout.Token);
            var buffer = new byte[64];
            var read = await client.GetStream().ReadAsync(buffer, timeout.Token);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith(Banner, StringComparison.Ordinal)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("AMI answered without the Asterisk banner.");
        }
        catch (Exception exception) when (exception is SocketException or IOException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("AMI is not reachable yet.", exception);
        }
    }
}
