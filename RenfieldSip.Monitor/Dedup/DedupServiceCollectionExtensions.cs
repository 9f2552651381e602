using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.Redis;
using RenfieldSip.Monitor.Telemetry;

namespace RenfieldSip.Monitor.Dedup;

internal static class DedupServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddDedup(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddMonitorTelemetry();
        builder.AddRedis();
        var services = builder.Services;
        services.AddOptions<DedupOptions>()
            .BindConfiguration(DedupOptions.SectionName)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DedupOptions>, DedupOptionsValidator>();
        services.AddSingleton(provider =>
        {
            var store = ActivatorUtilities.CreateInstance<ResilientDedupStore>(provider);
            DedupMetrics.Register(provider.GetRequiredService<MonitorTelemetry>().Meter, store);
            return store;
        });
        services.AddSingleton<IDedupStore>(provider => provider.GetRequiredService<ResilientDedupStore>());
        services.AddHostedService(provider => provider.GetRequiredService<ResilientDedupStore>());
        return builder;
    }
}
