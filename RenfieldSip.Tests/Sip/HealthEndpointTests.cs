using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Sip;

/// <summary>/health says why, in JSON, without secrets; /alive stays the bare status word.</summary>
public sealed class HealthEndpointTests
{
    private const string AmiSecret = "health-ami-secret-91f0";
    private const string WebhookToken = "health-webhook-token-2b7e";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_Asterisk_down_health_is_503_with_each_checks_status_and_reason_and_no_secret()
    {
        await using var renfield = await FakeRenfield.StartAsync(new FakeRenfieldOptions { Token = WebhookToken });
        await using var monitor = await MonitorUnderTest.StartAsync(new Dictionary<string, string?>
        {
            ["Ami:Host"] = "127.0.0.1",
            ["Ami:Port"] = ClosedPort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Ami:Secret"] = AmiSecret,
            ["Webhook:Url"] = renfield.WebhookUrl.ToString(),
            ["Webhook:Token"] = WebhookToken,
            ["Phonebook:Path"] = Path.Combine(AppContext.BaseDirectory, "no-phonebook.yaml"),
        },
        cancellationToken: Cancellation);
        using var http = new HttpClient { BaseAddress = monitor.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };

        await Poll.UntilAsync(() => monitor.Logs.GetSnapshot().Any(r => r.Id.Id == 1003), "the first failed AMI connect", TimeSpan.FromSeconds(30), Cancellation);
        using var health = await http.GetAsync(new Uri("/health", UriKind.Relative), Cancellation);
        var text = await health.Content.ReadAsStringAsync(Cancellation);
        var body = JsonDocument.Parse(text).RootElement;
        var alive = await http.GetStringAsync(new Uri("/alive", UriKind.Relative), Cancellation);
        ReliabilityFigures.Report("health", "/health with Asterisk down", text);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("application/json", health.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        var checks = body.GetProperty("checks");
        Assert.Equal(["self", "ami", "phonebook", "redis", "trunk", "voicemail"], checks.EnumerateObject().Select(p => p.Name));
        Assert.All(checks.EnumerateObject(), check => Assert.Equal(["status", "description"], check.Value.EnumerateObject().Select(p => p.Name)));
        Assert.Equal("Unhealthy", checks.GetProperty("ami").GetProperty("status").GetString());
        // Between two attempts the client is either waiting (not connected) or already retrying (connecting); both name the endpoint and the last error.
        Assert.Matches(
            @"^AMI not (connected to|logged in yet: connecting to) 127\.0\.0\.1:\d+ \(last error: [^)]*ConnectionRefused\)",
            checks.GetProperty("ami").GetProperty("description").GetString());
        Assert.Equal("Healthy", checks.GetProperty("trunk").GetProperty("status").GetString());
        Assert.DoesNotContain(AmiSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(WebhookToken, text, StringComparison.Ordinal);
        Assert.Equal("Healthy", alive);
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
