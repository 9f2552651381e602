using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.Text;

namespace RenfieldSip.Monitor.Notification;

internal static class NotificationServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddRenfieldNotification(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.AddOptions<WebhookOptions>()
            .Bind(builder.Configuration.GetSection(WebhookOptions.SectionName))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();
        builder.Services.AddSingleton<INotificationComposer, NotificationComposer>();

        // Webhook:Language is the monitor's one language; the call list and the MCP answers take it from here.
        builder.Services.TryAddSingleton(provider => new MonitorLanguage(provider.GetRequiredService<IOptions<WebhookOptions>>().Value.Wording));
        builder.Services.AddSingleton<WebhookAlertThrottle>();

        var webhook = builder.Services.AddHttpClient<IRenfieldWebhook, RenfieldWebhookClient>(http =>
        {
            // Per-attempt timeouts come from Webhook:RequestTimeout and the deadline; HttpClient's own 100 s would interfere.
            http.Timeout = Timeout.InfiniteTimeSpan;
        });

        // The ServiceDefaults' standard handler retries and times out on its own; stacked on our deadline logic it
        // would send late announcements and hide 503/401 behind retries. The API is marked experimental (EXTEXP0001)
        // but is the documented way to opt one client out; a test pins its effect.
#pragma warning disable EXTEXP0001
        webhook.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        webhook.ConfigurePrimaryHttpMessageHandler(CreatePrimaryHandler);

        // IHttpClientFactory's Trace log of request headers redacts the message text but carries the raw
        // "Authorization: Bearer <token>" in its structured state, which the OpenTelemetry exporter ships as attributes.
        // The client logs every outcome itself (EventIds 1400-1499), so the factory's loggers go.
        webhook.RemoveAllLoggers();

        return builder;
    }

    [SuppressMessage("Reliability", "CA2000:Dispose objects before losing scope", Justification = "IHttpClientFactory owns and disposes the handler.")]
    private static SocketsHttpHandler CreatePrimaryHandler() => new()
    {
        // A redirected POST becomes a GET; better to say "wrong URL" than to post somewhere else.
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(5),
    };
}
