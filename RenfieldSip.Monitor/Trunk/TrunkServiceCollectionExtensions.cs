using RenfieldSip.Monitor.Ami;

namespace RenfieldSip.Monitor.Trunk;

internal static class TrunkServiceCollectionExtensions
{
    /// <summary>
    /// The trunk's registration state from AMI, its "trunk" health check and gauges. Call after the Calls area: it
    /// wraps the <see cref="IAmiEventHandler"/> registered there so both see every event.
    /// </summary>
    public static IHostApplicationBuilder AddTrunkMonitoring(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var calls = builder.Services.LastOrDefault(d => d.ServiceType == typeof(IAmiEventHandler))
            ?? throw new InvalidOperationException("AddTrunkMonitoring needs the AMI event handler of the Calls area; call it after AddCallPipeline.");
        builder.Services.Remove(calls);
        builder.Services.AddSingleton<TrunkStatus>();
        builder.Services.AddSingleton<TrunkEventHandler>();
        builder.Services.AddSingleton<IAmiEventHandler>(services => new TrunkEventFanOut(
            (IAmiEventHandler)(calls.ImplementationInstance
                ?? calls.ImplementationFactory?.Invoke(services)
                ?? ActivatorUtilities.CreateInstance(services, calls.ImplementationType!)),
            services.GetRequiredService<TrunkEventHandler>()));
        builder.Services.AddHostedService<TrunkMetrics>();
        builder.Services.AddHostedService<TrunkReportWatchdog>();
        builder.Services.AddHealthChecks().AddCheck<TrunkHealthCheck>("trunk");
        return builder;
    }
}
