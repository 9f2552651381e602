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
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(cancellationToken);
        Assert.Equal((HealthStatus.Healthy, "in-memory (no Redis configured)"), (report.Entries["redis"].Status, report.Entries["redis"].Description));
        await host.StopAsync(cancellationToken);
    }

    [Fact]
    public async Task The_aspire_connection_string_selects_redis_and_only_its_endpoint_is_shown()
    {
        using var host = Build(new() { ["ConnectionStrings:redis"] = "redis.example:6380,password=s3cret" });

        // Not started: no connection yet, so the store reports the configured Redis as unreachable.
        var health = await host.Services.GetRequiredService<ResilientDedupStore>().CheckHealthAsync(TestContext.Current.CancellationToken);

        Assert.Equal((HealthStatus.Degraded, "Redis unreachable at redis.example:6380; de-duplicating in memory"), (health.Status, health.Description));
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
