using Microsoft.Extensions.Options;

namespace RenfieldSip.Monitor.Redis;

internal static class RedisServiceCollectionExtensions
{
    /// <summary>The process's one Redis connection and its health check; idempotent, every area that keeps data in Redis calls it.</summary>
    public static IHostApplicationBuilder AddRedis(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(service => service.ServiceType == typeof(RedisConnection)))
        {
            return builder;
        }

        services.AddOptions<RedisOptions>()
            .Configure<IConfiguration>((options, configuration) => options.ConnectionString = configuration.GetConnectionString("redis"))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<RedisOptions>, RedisOptionsValidator>();
        services.AddSingleton<RedisConnection>();
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis");
        return builder;
    }
}
