using RenfieldSip.Monitor.Ami;
using RenfieldSip.Monitor.Announcements;
using RenfieldSip.Monitor.Calls;
using RenfieldSip.Monitor.Configuration;
using RenfieldSip.Monitor.Dedup;
using RenfieldSip.Monitor.History;
using RenfieldSip.Monitor.Identity;
using RenfieldSip.Monitor.Notification;
using RenfieldSip.Monitor.Phonebooks;
using RenfieldSip.Monitor.Telemetry;
using RenfieldSip.Monitor.Trunk;

using RenfieldSip.Monitor.Voicemail;

namespace RenfieldSip.Monitor;

internal static class MonitorExtensions
{
    public static IHostApplicationBuilder AddMonitorServices(this IHostApplicationBuilder builder)
    {
        builder.Configuration.AddSeedEnvironmentAliases();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddMonitorTelemetry();

        // Before every other area: hosted services stop in reverse order, so the history writer stops last and
        // still records what the announcement workers finish while they stop.
        builder.AddCallHistory();
        builder.AddAmiClient();
        builder.AddCallTracking();
        builder.AddAnnouncements();
        builder.AddCallerIdentity();
        builder.AddPhonebooks();
        builder.AddDedup();
        builder.AddRenfieldNotification();
        builder.AddTrunkMonitoring();
        builder.AddVoicemail();
        builder.Services.AddOpenApi();
        return builder;
    }

    public static WebApplication MapMonitorEndpoints(this WebApplication app)
    {
        app.MapTestCall();
        app.MapCallHistory();
        app.MapVoicemail();
        app.MapOpenApi();
        return app;
    }
}
