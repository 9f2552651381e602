using Microsoft.Extensions.Hosting;
using RenfieldSip.Monitor;
using RenfieldSip.Monitor.Access;

namespace RenfieldSip.Tests.Access;

/// <summary>
/// Antiforgery runs on the ephemeral data-protection provider; the default key ring AddDataProtection loads at start
/// would never be read, and building it costs the idle monitor System.Private.Xml and a generated key.
/// </summary>
public sealed class IdleMemoryTests
{
    [Fact]
    public async Task The_monitor_starts_no_data_protection_key_ring_loader()
    {
        List<string?> hosted = [];
        await using var app = MonitorApplication.Create([], builder => hosted =
        [
            .. builder.Services.Where(service => service.ServiceType == typeof(IHostedService)).Select(service => service.ImplementationType?.FullName),
        ]);

        Assert.NotEmpty(hosted);
        Assert.DoesNotContain(AccessServiceCollectionExtensions.DataProtectionKeyRingLoader, hosted);
    }
}
