using RenfieldSip.Monitor.Access;
using RenfieldSip.Monitor.Ami;
using RenfieldSip.Monitor.Announcements;
using RenfieldSip.Monitor.Calls;
using RenfieldSip.Monitor.Configuration;
using RenfieldSip.Monitor.Dedup;
using RenfieldSip.Monitor.History;
using RenfieldSip.Monitor.Identity;
using RenfieldSip.Monitor.Lifecycle;
using RenfieldSip.Monitor.Mcp;
using RenfieldSip.Monitor.Notification;
using RenfieldSip.Monitor.Phonebooks;
using RenfieldSip.Monitor.Redis;
using RenfieldSip.Monitor.Telemetry;
using RenfieldSip.Monitor.Trunk;
using RenfieldSip.Monitor.Voicemail;
using RenfieldSip.Monitor.Warmup;
using RenfieldSip.Monitor.Web;

namespace RenfieldSip.Monitor;

internal static class MonitorExtensions
{
    public const string ApiPrefix = "/api";

    public static IHostApplicationBuilder AddMonitorServices(this IHostApplicationBuilder builder)
    {
        builder.Configuration.AddShortEnvironmentVariables();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddMonitorTelemetry();
        builder.AddMonitorAccess();

        // The first hosted service: the AMI login waits until the call path is warm (see StartupWarmup).
        builder.AddStartupWarmup();

        // The pipeline publishes each call's stages to the lifecycle; the history listens. The history before every
        // other area: hosted services start in order, so it listens before the first call, and stop in reverse order,
        // so it stops last and still records what the announcement workers finish while they stop.
        builder.AddCallLifecycle();
        builder.AddCallHistory();
        builder.AddAmiClient();
        builder.AddCallTracking();
        builder.AddAnnouncements();
        builder.AddCallerIdentity();
        builder.AddPhonebooks();
        builder.AddRedis();
        builder.AddDedup();
        builder.AddRenfieldNotification();
        builder.AddTrunkMonitoring();
        builder.AddVoicemail();
        builder.Services.AddOpenApi();
        builder.AddMonitorMcpServer();
        return builder;
    }

    public static WebApplication MapMonitorEndpoints(this WebApplication app)
    {
        // One group per audience. Open without a credential: /health and /alive (ServiceDefaults) and the login form;
        // everything else falls to the fallback policy (bearer token).
        var api = app.MapGroup(ApiPrefix).RequireAuthorization(AccessSchemes.ApiPolicy);
        api.MapTestCall();
        api.MapCallHistoryApi();
        api.MapVoicemailApi();
        app.MapOpenApi().RequireAuthorization(AccessSchemes.ApiPolicy);

        var page = app.MapGroup(CallHistoryEndpoints.PagePath).RequireAuthorization(AccessSchemes.PagePolicy);
        page.MapCallsPage();
        page.MapVoicemailPage();
        page.MapLogout();
        app.MapLogin();

        // Renfield's agent: the same history and phonebook, the same bearer token as /api.
        app.MapMonitorMcp().RequireAuthorization(AccessSchemes.ApiPolicy);
        return app;
    }
}
