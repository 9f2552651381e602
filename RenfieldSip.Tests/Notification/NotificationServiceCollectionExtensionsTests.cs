using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using RenfieldSip.Monitor.Notification;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Notification;

/// <summary>The registration as the monitor uses it: with the ServiceDefaults and their standard resilience handler.</summary>
public sealed class NotificationServiceCollectionExtensionsTests
{
    private const string Token = "tok-3f9a-SECRET-c0ffee";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IHost BuildHost(Uri url, string? token = Token)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Webhook:Url"] = url.ToString(),
            ["Webhook:Token"] = token,
        });
        builder.AddServiceDefaults();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddFakeLogging();
        builder.AddRenfieldNotification();
        return builder.Build();
    }

    [Fact]
    public async Task The_standard_resilience_handler_does_not_retry_behind_our_back()
    {
        await using var renfield = await FakeRenfield.StartAsync(new FakeRenfieldOptions { Token = Token });
        renfield.Enqueue(FakeRenfieldResponse.Detail(HttpStatusCode.ServiceUnavailable, FakeRenfield.DisabledDetail));
        using var host = BuildHost(renfield.WebhookUrl);
        await host.StartAsync(Ct);
        var composer = host.Services.GetRequiredService<INotificationComposer>();
        var webhook = host.Services.GetRequiredService<IRenfieldWebhook>();

        var outcome = await webhook.SendAsync(composer.Compose(WebhookHarness.MaxMustermann), DateTimeOffset.UtcNow.AddSeconds(25), Ct);

        // The standard handler treats 503 as transient and would have retried into the modelled 200.
        Assert.Equal(DeliveryOutcome.Disabled, outcome);
        Assert.Single(renfield.Requests);
        await host.StopAsync(Ct);
    }

    [Fact]
    public async Task The_registered_client_delivers_and_never_logs_the_token_or_the_number()
    {
        await using var renfield = await FakeRenfield.StartAsync(new FakeRenfieldOptions { Token = Token });
        using var host = BuildHost(renfield.WebhookUrl);
        await host.StartAsync(Ct);
        var composer = host.Services.GetRequiredService<INotificationComposer>();
        var webhook = host.Services.GetRequiredService<IRenfieldWebhook>();
        var deadline = DateTimeOffset.UtcNow.AddSeconds(25);
        var notification = composer.Compose(WebhookHarness.MaxMustermann);

        var outcomes = new List<DeliveryOutcome> { await webhook.SendAsync(notification, deadline, Ct), await webhook.SendAsync(notification, deadline, Ct) };
        renfield.Token = "rotated";
        outcomes.Add(await webhook.SendAsync(notification, deadline, Ct));
        renfield.Enqueue(
            new FakeRenfieldResponse(HttpStatusCode.UnprocessableEntity, $$"""{"detail":[{"type":"x","loc":["body","title"],"msg":"bad","input":"{{Token}} +49 170 1234567"}]}"""),
            FakeRenfieldResponse.Detail(HttpStatusCode.InternalServerError, Token),
            FakeRenfieldResponse.Detail(HttpStatusCode.ServiceUnavailable, Token));
        outcomes.Add(await webhook.SendAsync(notification, deadline, Ct));
        outcomes.Add(await webhook.SendAsync(notification, deadline, Ct));

        Assert.Equal([DeliveryOutcome.Delivered, DeliveryOutcome.DuplicateSuppressedByRenfield, DeliveryOutcome.Unauthorized, DeliveryOutcome.Rejected, DeliveryOutcome.Disabled], outcomes);
        Assert.Equal("Bearer " + Token, renfield.Requests[0].Header("Authorization"));
        var records = host.Services.GetFakeLogCollector().GetSnapshot();
        Assert.NotEmpty(records);
        foreach (var record in records)
        {
            var everything = record.Message + " " + string.Join(" ", record.StructuredState?.Select(kv => kv.Value) ?? []) + " " + record.Exception;
            Assert.False(everything.Contains(Token, StringComparison.Ordinal), record.Category + " " + record.Id + " " + record.Level + ": " + everything);
            Assert.DoesNotContain("1234567", everything, StringComparison.Ordinal);
        }

        await host.StopAsync(Ct);
    }
}
