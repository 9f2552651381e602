using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.Ami;
using RenfieldSip.Monitor.Telemetry;

namespace RenfieldSip.Monitor.Calls;

internal static class CallsServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddCallPipeline(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CallOptions>().BindConfiguration(CallOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<CallOptions>, CallOptionsValidator>();
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.SectionName);
        builder.Services.AddSingleton<MonitorTelemetry>();
        builder.Services.AddSingleton<CallerNumberRedactor>();
        builder.Services.AddSingleton<CallQueue>();
        builder.Services.AddSingleton<CallTracker>();
        builder.Services.AddSingleton<IAmiEventHandler, AmiCallEventDispatcher>();
        builder.Services.AddSingleton<CallAnnouncer>();
        builder.Services.AddHostedService<AnnouncementService>();
        builder.Services.AddHostedService<StateMetrics>();
        return builder;
    }
}
