using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.Identity;
using RenfieldSip.Monitor.Notification;

namespace RenfieldSip.Tests.Notification;

/// <summary>A <see cref="RenfieldWebhookClient"/> wired by hand to a URL, a clock and a FakeLogger.</summary>
internal sealed class WebhookHarness : IDisposable
{
    public static readonly CallerIdentity MaxMustermann = new(CallerKind.Contact, "Max Mustermann", "+49 170 1234567", "+491701234567");

    public WebhookHarness(Uri url, TimeProvider time, Action<WebhookOptions>? configure = null)
    {
        Options = new WebhookOptions { Url = url.ToString(), Token = "test-token" };
        configure?.Invoke(Options);
        Time = time;
        Throttle = new WebhookAlertThrottle(time);
        Http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
        Client = new RenfieldWebhookClient(Http, Microsoft.Extensions.Options.Options.Create(Options), time, Throttle, Logger) { Jitter = () => 1.0 };
        Composer = new NotificationComposer(Microsoft.Extensions.Options.Options.Create(Options));
    }

    public WebhookOptions Options { get; }

    public TimeProvider Time { get; }

    public WebhookAlertThrottle Throttle { get; }

    public HttpClient Http { get; }

    public RenfieldWebhookClient Client { get; }

    public NotificationComposer Composer { get; }

    public FakeLogger<RenfieldWebhookClient> Logger { get; } = new();

    public DateTimeOffset DeadlineIn(TimeSpan span) => Time.GetUtcNow() + span;

    public Task<DeliveryOutcome> SendAsync(CallerIdentity? caller = null, TimeSpan? deadline = null, CancellationToken cancellationToken = default) =>
        Client.SendAsync(Composer.Compose(caller ?? MaxMustermann), DeadlineIn(deadline ?? TimeSpan.FromSeconds(25)), cancellationToken);

    public void Dispose() => Http.Dispose();
}
