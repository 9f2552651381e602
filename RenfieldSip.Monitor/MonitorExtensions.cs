using RenfieldSip.Monitor.Ami;
using RenfieldSip.Monitor.Announcements;
using RenfieldSip.Monitor.Calls;
using RenfieldSip.Monitor.Configuration;
using RenfieldSip.Monitor.Dedup;
using RenfieldSip.Monitor.Identity;
using RenfieldSip.Monitor.Notification;
using RenfieldSip.Monitor.Phonebooks;
using RenfieldSip.Monitor.Telemetry;
using RenfieldSip.Monitor.Trunk;

namespace RenfieldSip.Monitor;

internal static class MonitorExtensions
{
    public static IHostApplicationBuilder AddMonitorServices(this IHostApplicationBuilder builder)
    {
        builder.Configuration.AddSeedEnvironmentAliases();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddMonitorTelemetry();
        builder.AddAmiClient();
        builder.AddCallTracking();
        builder.AddAnnouncements();
        builder.AddCallerIdentity();
        builder.AddPhonebooks();
        builder.AddDedup();
        builder.AddRenfieldNotification();
        builder.AddTrunkMonitoring();
        return builder;
    }

    public static WebApplication MapMonitorEndpoints(this WebApplication app)
    {
        app.MapTestCall();
        return app;
    }
}
