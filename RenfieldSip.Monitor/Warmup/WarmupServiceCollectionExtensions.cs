namespace RenfieldSip.Monitor.Warmup;

internal static class WarmupServiceCollectionExtensions
{
    /// <summary>
    /// The start-up warm-up. Register it before the AMI client: hosted services start in registration order, so the
    /// login (and with it the first call) waits until the call path is warm.
    /// </summary>
    public static IHostApplicationBuilder AddStartupWarmup(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<RehearsalServices>();
        builder.Services.AddSingleton<CallPathRehearsal>();
        builder.Services.AddHostedService<StartupWarmup>();
        return builder;
    }
}
