using Microsoft.Extensions.DependencyInjection.Extensions;
using RenfieldSip.Monitor.Telemetry;

namespace RenfieldSip.Monitor.Lifecycle;

internal static class LifecycleServiceCollectionExtensions
{
    /// <summary>The one <see cref="CallLifecycle"/> the pipeline publishes to and every listener subscribes to.</summary>
    public static IHostApplicationBuilder AddCallLifecycle(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddMonitorTelemetry();
        builder.Services.TryAddSingleton<CallLifecycle>();
        return builder;
    }
}
