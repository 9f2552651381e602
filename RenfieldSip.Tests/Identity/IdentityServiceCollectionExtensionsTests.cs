using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.Identity;

namespace RenfieldSip.Tests.Identity;

public sealed class IdentityServiceCollectionExtensionsTests
{
    [Fact]
    public async Task The_registered_identifier_reads_the_configured_phonebook()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var host = Build(new() { ["Phonebook:Path"] = IdentityTestData.ShippedPhonebookPath() });
        await host.StartAsync(cancellationToken);

        var identity = host.Services.GetRequiredService<ICallerIdentifier>()
            .Identify("+4917055 55555", null, CallerPresentation.Allowed);

        Assert.Equal("Oma Helga", identity.Name);
        Assert.Same(host.Services.GetRequiredService<PhonebookStore>(), host.Services.GetServices<IHostedService>().OfType<PhonebookStore>().Single());
        await host.StopAsync(cancellationToken);
    }

    [Fact]
    public async Task An_unknown_region_stops_the_start_naming_the_key()
    {
        using var host = Build(new() { ["Phonebook:DefaultRegion"] = "XX" });

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Phonebook:DefaultRegion", exception.Message, StringComparison.Ordinal);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddCallerIdentity();
        return builder.Build();
    }
}
