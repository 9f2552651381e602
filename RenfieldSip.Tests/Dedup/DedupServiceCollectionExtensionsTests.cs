using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.Dedup;

namespace RenfieldSip.Tests.Dedup;

public sealed class DedupServiceCollectionExtensionsTests
{
    [Fact]
    public async Task The_resilient_store_and_the_redis_health_check_are_registered()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var host = Build(new() { ["Dedup:Window"] = "00:00:10" });
        await host.StartAsync(cancellationToken);

        var store = Assert.IsType<ResilientDedupStore>(host.Services.GetRequiredService<IDedupStore>());
        Assert.False(store.IsRedisConfigured);
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(cancellationToken);
        Assert.Equal(HealthStatus.Healthy, report.Entries["redis"].Status);
        await host.StopAsync(cancellationToken);
    }

    [Fact]
    public void The_aspire_connection_string_selects_redis()
    {
        using var host = Build(new() { ["ConnectionStrings:redis"] = "redis.example:6380,password=s3cret" });

        var store = host.Services.GetRequiredService<ResilientDedupStore>();

        Assert.True(store.IsRedisConfigured);
        Assert.Equal("redis.example:6380", store.RedisEndpoint);
    }

    [Fact]
    public async Task A_bad_window_stops_the_start_naming_the_key()
    {
        using var host = Build(new() { ["Dedup:Window"] = "00:00:00" });

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Dedup:Window", exception.Message, StringComparison.Ordinal);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddDedup();
        return builder.Build();
    }
}
