using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RenfieldSip.Tests.Support;

/// <summary>
/// The Kestrel listener that stands in for Renfield's webhook, in the tests (<see cref="FakeRenfield"/>) and in the
/// load tool (its sink). Each request is stamped before its body is read, i.e. when it has reached us, and handed
/// with that stamp to the owner's handler, which decides the answer.
/// </summary>
internal sealed class WebhookListener : IAsyncDisposable
{
    /// <summary>Renfield's route (notifications.py, <c>@router.post("/webhook")</c> under <c>/api/notifications</c>).</summary>
    public const string WebhookPath = "/api/notifications/webhook";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly WebApplication _app;

    private WebhookListener(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>http://{listen address}:{port}/</summary>
    public Uri BaseAddress { get; }

    /// <summary>The URL to configure as Webhook:Url.</summary>
    public Uri WebhookUrl => new(BaseAddress, WebhookPath);

    /// <param name="address">Where Kestrel listens (loopback, or an address containers reach).</param>
    /// <param name="port">0 for a free port.</param>
    /// <param name="timeProvider">The clock of the arrival stamps.</param>
    /// <param name="handle">Answers one request, given its arrival.</param>
    /// <param name="cancellationToken">Cancels the start, which is also bounded by its own timeout.</param>
    public static async Task<WebhookListener> StartAsync(
        IPAddress address, int port, TimeProvider timeProvider, Func<HttpContext, WebhookArrival, Task> handle, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(WebhookListener).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(address, port));
        var app = builder.Build();
        app.Run(context => handle(context, new WebhookArrival(timeProvider.GetUtcNow(), timeProvider.GetTimestamp())));
        try
        {
            using var startTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            startTimeout.CancelAfter(StartTimeout);
            await app.StartAsync(startTimeout.Token).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var listening = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WebhookListener(app, new Uri(listening.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        using var stopTimeout = new CancellationTokenSource(StopTimeout);
        await _app.StopAsync(stopTimeout.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
