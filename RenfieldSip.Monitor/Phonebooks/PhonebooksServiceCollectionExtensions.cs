using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.Rules;

namespace RenfieldSip.Monitor.Phonebooks;

internal static class PhonebooksServiceCollectionExtensions
{
    /// <summary>The phonebook sources, the merged store the caller identifier reads, and its health check.</summary>
    public static IHostApplicationBuilder AddPhonebooks(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<PhonebookSourcesOptions>()
            .Configure<IConfiguration>((options, configuration) =>
            {
                var sources = configuration.GetSection(PhonebookSourcesOptions.SectionName);
                PhonebookSourceTypes.ThrowIfUnknown(sources);
                sources.Bind(options.Sources);
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PhonebookSourcesOptions>, PhonebookSourcesOptionsValidator>();

        var cardDav = services.AddHttpClient(PhonebookSourceFactory.CardDavHttpClient, http => http.Timeout = Timeout.InfiniteTimeSpan);

        // The refresh interval is the retry; the standard handler's retries would only hammer a struggling server.
        // The factory's loggers would ship the "Authorization: Basic" header in their structured state.
#pragma warning disable EXTEXP0001
        cardDav.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        cardDav.RemoveAllLoggers();

        services.AddSingleton<PhonebookSourceFactory>();
        services.AddSingleton(provider =>
        {
            var logger = provider.GetRequiredService<ILogger<PhonebookStore>>();
            return new PhonebookStore(provider.GetRequiredService<PhonebookSourceFactory>().Create(logger), logger);
        });
        services.AddSingleton<Identity.IPhonebookSource>(provider => provider.GetRequiredService<PhonebookStore>());
        services.AddSingleton<ICallRulesSource>(provider => provider.GetRequiredService<PhonebookStore>());
        services.AddHostedService(provider => provider.GetRequiredService<PhonebookStore>());
        services.AddHealthChecks().AddCheck<PhonebookHealthCheck>("phonebook");
        return builder;
    }
}
