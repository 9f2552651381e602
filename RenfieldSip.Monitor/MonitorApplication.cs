using RenfieldSip.Monitor.Access;

namespace RenfieldSip.Monitor;

/// <summary>Builds the monitor as Program runs it; tests build the very same application.</summary>
internal static class MonitorApplication
{
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // appsettings.json lies beside the binary; `dotnet run` starts in the repository root (for the phonebook path).
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.AddServiceDefaults();
        builder.AddMonitorServices();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseMonitorAccess();
        app.MapDefaultEndpoints();
        app.MapMonitorEndpoints();
        return app;
    }
}
