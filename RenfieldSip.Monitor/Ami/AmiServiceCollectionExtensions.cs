using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.Telemetry;

namespace RenfieldSip.Monitor.Ami;

internal static class AmiServiceCollectionExtensions
{
    /// <summary>
    /// The AMI client as a hosted service, its status (<see cref="IAmiConnectionStatus"/>) and the "ami" health
    /// check. It feeds every <see cref="IAmiEventHandler"/> the other areas register (calls, the SIP trunk).
    /// </summary>
    public static IHostApplicationBuilder AddAmiClient(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddMonitorTelemetry();
        builder.Services.AddOptions<AmiOptions>()
            .Bind(builder.Configuration.GetSection(AmiOptions.SectionName))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AmiOptions>, AmiOptionsValidator>();
        builder.Services.AddSingleton(services =>
        {
            var status = ActivatorUtilities.CreateInstance<AmiConnectionStatus>(services);
            AmiMetrics.Register(services.GetRequiredService<MonitorTelemetry>().Meter, status);
            return status;
        });
        builder.Services.AddSingleton<IAmiConnectionStatus>(services => services.GetRequiredService<AmiConnectionStatus>());
        builder.Services.AddHostedService(services =>
            ActivatorUtilities.CreateInstance<AmiClient>(services, AmiEventHandlers.From(services.GetServices<IAmiEventHandler>())));
        builder.Services.AddHealthChecks().AddCheck<AmiHealthCheck>("ami");
        return builder;
    }
}
