using Microsoft.Extensions.Options;

namespace RenfieldSip.Monitor.Dedup;

internal static class DedupServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddDedup(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<DedupOptions>()
            .BindConfiguration(DedupOptions.SectionName)
            .Configure<IConfiguration>((options, configuration) =>
                options.RedisConnectionString = configuration.GetConnectionString("redis"))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DedupOptions>, DedupOptionsValidator>();
        services.AddSingleton<ResilientDedupStore>();
        services.AddSingleton<IDedupStore>(provider => provider.GetRequiredService<ResilientDedupStore>());
        services.AddHostedService(provider => provider.GetRequiredService<ResilientDedupStore>());
        services.AddHealthChecks().AddCheck<DedupHealthCheck>("redis");
        return builder;
    }
}
