using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.Ami;
using RenfieldSip.Monitor.Lifecycle;
using RenfieldSip.Monitor.Telemetry;

namespace RenfieldSip.Monitor.Calls;

internal static class CallsServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddCallTracking(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddMonitorTelemetry();
        builder.Services.AddOptions<CallOptions>()
            .BindConfiguration(CallOptions.SectionName)
            .PostConfigure<IConfiguration>((options, configuration) =>
                options.InboundContexts = DialplanContextList.Read(configuration.GetSection(DialplanContextList.Key)) ?? options.InboundContexts)
            .ValidateOnStart();
        builder.AddCallLifecycle();
        builder.Services.AddSingleton<IValidateOptions<CallOptions>, CallOptionsValidator>();
        builder.Services.AddSingleton<CallTracker>();
        builder.Services.AddSingleton<IAmiEventHandler, AmiCallEventDispatcher>();
        return builder;
    }
}
