namespace RenfieldSip.Monitor;

/// <summary>Builds the monitor as Program runs it; tests build the very same application.</summary>
internal static class MonitorApplication
{
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.AddServiceDefaults();
        builder.AddMonitorServices();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapMonitorEndpoints();
        return app;
    }
}
