using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using RenfieldSip.Monitor.Identity;
using RenfieldSip.Monitor.Phonebooks;

namespace RenfieldSip.Tests.Phonebooks;

/// <summary>
/// The monitor's phonebook registration alone (options, sources, store, health check), configured as an owner
/// configures it. Not started: tests drive the store one reload or refresh at a time.
/// </summary>
internal static class PhonebookHost
{
    public static IHost Build(Dictionary<string, string?> settings, FakeLogCollector logs)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Logging.AddProvider(new FakeLoggerProvider(logs));
        builder.AddCallerIdentity();
        builder.AddPhonebooks();
        return builder.Build();
    }

    public static Task<HealthCheckResult> CheckAsync(IHost host) =>
        ActivatorUtilities.CreateInstance<PhonebookHealthCheck>(host.Services).CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

    /// <summary>The contact for <paramref name="key"/> (E.164) as name and source; fails when there is none.</summary>
    public static (string Name, string Source) Contact(Phonebook phonebook, string key)
    {
        Assert.True(phonebook.TryGetContact(key, out var contact), key);
        return (contact.Name, contact.Source);
    }
}
