using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RenfieldSip.Monitor.Telemetry;

internal static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// The one ActivitySource and Meter, and the caller-number redaction every area logs through. Each area that
    /// registers instruments calls this too, so it can be registered on its own; the services are added once.
    /// </summary>
    public static IHostApplicationBuilder AddMonitorTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.SectionName);
        builder.Services.TryAddSingleton<MonitorTelemetry>();
        builder.Services.TryAddSingleton<CallerNumberRedactor>();
        return builder;
    }
}
