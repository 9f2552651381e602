using RenfieldSip.Monitor.Ami;
using RenfieldSip.Monitor.Telemetry;

namespace RenfieldSip.Monitor.Trunk;

internal static class TrunkServiceCollectionExtensions
{
    /// <summary>The trunk's registration state from AMI, its "trunk" health check and gauges.</summary>
    public static IHostApplicationBuilder AddTrunkMonitoring(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddMonitorTelemetry();
        builder.Services.AddSingleton(services =>
        {
            var status = new TrunkStatus();
            TrunkMetrics.Register(services.GetRequiredService<MonitorTelemetry>().Meter, status);
            return status;
        });
        builder.Services.AddSingleton<IAmiEventHandler, TrunkEventHandler>();
        builder.Services.AddHostedService<TrunkReportWatchdog>();
        builder.Services.AddHealthChecks().AddCheck<TrunkHealthCheck>("trunk");
        return builder;
    }
}
