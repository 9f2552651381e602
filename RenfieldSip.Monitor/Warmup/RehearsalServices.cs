using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PhoneNumbers;
using RenfieldSip.Monitor.Access;
using RenfieldSip.Monitor.Announcements;
using RenfieldSip.Monitor.Calls;
using RenfieldSip.Monitor.Dedup;
using RenfieldSip.Monitor.History;
using RenfieldSip.Monitor.Identity;
using RenfieldSip.Monitor.Notification;
using RenfieldSip.Monitor.Redis;
using RenfieldSip.Monitor.Rules;

namespace RenfieldSip.Monitor.Warmup;

/// <summary>
/// The rehearsal's private call path, registered by the areas' own <c>Add…</c> methods on the monitor's configuration,
/// so it is wired exactly as the real one. Shared with the monitor: the clock, libphonenumber's metadata, the loaded
/// phonebook and its rules, the access token (the dedup keys' hash key) and the HTTP client factory (the webhook's
/// real handler chain and pool). Its own: the history and the dedup window (memory, no Redis), the webhook's target
/// (a loopback responder), meters no metrics pipeline listens to and loggers that write nothing.
/// </summary>
internal sealed class RehearsalServices(
    IConfiguration configuration,
    TimeProvider time,
    PhoneNumberUtil phoneNumbers,
    IPhonebookSource phonebook,
    ICallRulesSource rules,
    AccessToken token,
    IHttpClientFactory httpClientFactory)
{
    public ServiceProvider Build(Uri webhook, IMeterFactory meters, ILoggerProvider logs)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddConfiguration(configuration);
        builder.Configuration.AddInMemoryCollection([new("Webhook:Url", webhook.ToString()), new("Webhook:Token", "warm-up")]);

        // The monitor's log levels: the rehearsal formats what a real call's logging formats, and the provider drops it.
        builder.Logging.AddConfiguration(configuration.GetSection("Logging")).AddProvider(logs);

        var services = builder.Services;
        services.AddSingleton(time);
        services.AddSingleton(phoneNumbers);
        services.AddSingleton(phonebook);
        services.AddSingleton(rules);
        services.AddSingleton(token);

        builder.AddCallHistory();
        builder.AddCallTracking();
        builder.AddAnnouncements();
        builder.AddCallerIdentity();
        builder.AddDedup();
        builder.AddRenfieldNotification();

        // No Redis: the rehearsal's dedup claims and history records stay in its own memory.
        services.PostConfigure<RedisOptions>(options => options.ConnectionString = null);
        services.Replace(ServiceDescriptor.Singleton(meters));
        services.Replace(ServiceDescriptor.Singleton(httpClientFactory));
        return services.BuildServiceProvider();
    }
}
