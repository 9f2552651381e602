using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using RenfieldSip.Monitor.Identity;
using RenfieldSip.Monitor.Notification;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Notification;

/// <summary>Every status path over real HTTP against <see cref="FakeRenfield"/>.</summary>
public sealed class RenfieldWebhookClientTests
{
    private const string MaxJson = """{"event_type":"sip.incoming_call","title":"Anruf von Max Mustermann","message":"Eingehender Anruf von Max Mustermann","urgency":"info","room":null,"tts":true,"data":{"caller_number":"+49 170 1234567","caller_name":"Max Mustermann"}}""";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Delivers_the_exact_payload_with_bearer_token_and_user_agent()
    {
        await using var renfield = await FakeRenfield.StartAsync(new FakeRenfieldOptions { Token = "test-token" });
        using var harness = new WebhookHarness(renfield.WebhookUrl, TimeProvider.System);

        var outcome = await harness.SendAsync(cancellationToken: Ct);

        Assert.Equal(DeliveryOutcome.Delivered, outcome);
        var request = Assert.Single(renfield.Requests);
        Assert.Equal(MaxJson, Encoding.UTF8.GetString(request.Body));
        Assert.Equal("Bearer test-token", request.Header("Authorization"));
        Assert.StartsWith("RenfieldSip/", request.Header("User-Agent"), StringComparison.Ordinal);
        Assert.Equal("application/json", request.Header("Content-Type"));
        var log = Assert.Single(harness.Logger.Collector.WithId(1400));
        Assert.Equal("1", log.GetStructuredStateValue("NotificationId"));
    }

    [Fact]
    public async Task A_repeated_notification_is_suppressed_by_Renfield_and_counts_as_delivered()
    {
        await using var renfield = await FakeRenfield.StartAsync(new FakeRenfieldOptions { Token = "test-token" });
        using var harness = new WebhookHarness(renfield.WebhookUrl, TimeProvider.System);

        var first = await harness.SendAsync(cancellationToken: Ct);
        var second = await harness.SendAsync(cancellationToken: Ct);

        Assert.Equal(DeliveryOutcome.Delivered, first);
        Assert.Equal(DeliveryOutcome.DuplicateSuppressedByRenfield, second);
        Assert.Equal(2, renfield.Requests.Count);
        Assert.Single(harness.Logger.Collector.WithId(1401));
    }

    [Theory]
    [InlineData("Notification suppressed by feedback rule")]
    [InlineData("Semantic duplicate notification suppressed")]
    public async Task Renfields_other_suppressions_are_final_too(string detail)
    {
        await using var renfield = await FakeRenfield.StartAsync();
        renfield.Enqueue(FakeRenfieldResponse.Detail(HttpStatusCode.TooManyRequests, detail));
        using var harness = new WebhookHarness(renfield.WebhookUrl, TimeProvider.System);

        var outcome = await harness.SendAsync(cancellationToken: Ct);

        Assert.Equal(DeliveryOutcome.DuplicateSuppressedByRenfield, outcome);
        Assert.Single(renfield.Requests);
    }

    [Fact]
    public async Task Missing_token_is_unauthorized_without_retry_and_says_how_to_get_one()
    {
        await using var renfield = await FakeRenfield.StartAsync(new FakeRenfieldOptions { Token = "renfield-token" });
        using var harness = new WebhookHarness(renfield.WebhookUrl, TimeProvider.System, o => o.Token = null);

        var outcome = await harness.SendAsync(cancellationToken: Ct);

        Assert.Equal(DeliveryOutcome.Unauthorized, outcome);
        var request = Assert.Single(renfield.Requests);
        Assert.Equal(HttpStatusCode.Unauthorized, request.StatusCode);
        Assert.Null(request.Header("Authorization"));
        var log = Assert.Single(harness.Logger.Collector.WithId(1402));
        Assert.Equal(LogLevel.Error, log.Level);
        Assert.Contains("RENFIELD_WEBHOOK_TOKEN", log.Message, StringComparison.Ordinal);
        Assert.Contains("POST /api/notifications/token", log.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Logger.Collector.WithId(1403));
    }

    [Fact]
    public async Task Wrong_token_is_unauthorized_and_logged_as_rejected_token()
    {
        await using var renfield = await FakeRenfield.StartAsync(new FakeRenfieldOptions { Token = "renfield-token" });
        using var harness = new WebhookHarness(renfield.WebhookUrl, TimeProvider.System, o => o.Token = "stale-token");

        var outcome = await harness.SendAsync(cancellationToken: Ct);

        Assert.Equal(DeliveryOutcome.Unauthorized, outcome);
        Assert.Equal(HttpStatusCode.Forbidden, Assert.Single(renfield.Requests).StatusCode);
        var log = Assert.Single(harness.Logger.Collector.WithId(1403));
        Assert.Contains("RENFIELD_WEBHOOK_TOKEN", log.Message, StringComparison.Ordinal);
        Assert.Contains("POST /api/notifications/token", log.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Logger.Collector.WithId(1402));
    }

    [Fact]
    public async Task Unauthorized_is_logged_at_most_once_a_minute_but_returned_every_time()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        await using var renfield = await FakeRenfield.StartAsync(new FakeRenfieldOptions { Token = "renfield-token", TimeProvider = time });
        using var harness = new WebhookHarness(renfield.WebhookUrl, time, o => o.Token = "stale-token");

        var outcomes = new List<DeliveryOutcome>();
        for (var i = 0; i < 3; i++)
        {
            outcomes.Add(await harness.SendAsync(cancellationToken: Ct));
        }

        var logsInFirstMinute = harness.Logger.Collector.WithId(1403).Count;
        time.Advance(TimeSpan.FromSeconds(61));
        outcomes.Add(await harness.SendAsync(cancellationToken: Ct));

        Assert.All(outcomes, o => Assert.Equal(DeliveryOutcome.Unauthorized, o));
        Assert.Equal(1, logsInFirstMinute);
        Assert.Equal(2, harness.Logger.Collector.WithId(1403).Count);
        Assert.Equal(4, renfield.Requests.Count);
    }

    [Fact]
    public async Task Disabled_proactive_notifications_are_not_retried_and_name_the_switch()
    {
        await using var renfield = await FakeRenfield.StartAsync(new FakeRenfieldOptions { ProactiveEnabled = false });
        using var harness = new WebhookHarness(renfield.WebhookUrl, TimeProvider.System);

        var first = await harness.SendAsync(cancellationToken: Ct);
        var second = await harness.SendAsync(cancellationToken: Ct);

        Assert.Equal(DeliveryOutcome.Disabled, first);
        Assert.Equal(DeliveryOutcome.Disabled, second);
        Assert.Equal(2, renfield.Requests.Count);
        var log = Assert.Single(harness.Logger.Collector.WithId(1404));
        Assert.Equal("Renfield has proactive notifications disabled: set PROACTIVE_ENABLED=true in Renfield's environment", log.Message);
    }

    [Fact]
    public async Task Validation_errors_are_rejected_and_logged_without_the_echoed_input()
    {
        await using var renfield = await FakeRenfield.StartAsync();
        renfield.Enqueue(new FakeRenfieldResponse(
            HttpStatusCode.UnprocessableEntity,
            """{"detail":[{"type":"string_too_long","loc":["body","title"],"msg":"String should have at most 255 characters","input":"Anruf von +49 170 1234567","ctx":{"max_length":255}}]}"""));
        using var harness = new WebhookHarness(renfield.WebhookUrl, TimeProvider.System);

        var outcome = await harness.SendAsync(cancellationToken: Ct);

        Assert.Equal(DeliveryOutcome.Rejected, outcome);
        Assert.Single(renfield.Requests);
        var log = Assert.Single(harness.Logger.Collector.WithId(1405));
        Assert.Contains("body.title: String should have at most 255 characters (string_too_long)", log.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("1234567", log.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misconfigured_urgency_is_rejected_by_Renfields_real_validation()
    {
        await using var renfield = await FakeRenfield.StartAsync();

        // What FastAPI answers when WebhookRequest.validate_urgency raises (notifications_schemas.py L26-31).
        renfield.Enqueue(new FakeRenfieldResponse(
            HttpStatusCode.UnprocessableEntity,
            """{"detail":[{"type":"value_error","loc":["body","urgency"],"msg":"Value error, urgency must be one of ['critical', 'info', 'low', 'auto']","input":"urgent","ctx":{"error":{}}}]}"""));
        using var harness = new WebhookHarness(renfield.WebhookUrl, TimeProvider.System, o => o.Urgency = "urgent");

        var outcome = await harness.SendAsync(cancellationToken: Ct);

        Assert.Equal(DeliveryOutcome.Rejected, outcome);
        Assert.Contains("body.urgency", Assert.Single(harness.Logger.Collector.WithId(1405)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.MethodNotAllowed)]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Conflict)]
    public async Task Other_client_errors_are_rejected_without_retry(HttpStatusCode status)
    {
        await using var renfield = await FakeRenfield.StartAsync();
        renfield.Enqueue(FakeRenfieldResponse.Detail(status, "nope"));
        using var harness = new WebhookHarness(renfield.WebhookUrl, TimeProvider.System);

        var outcome = await harness.SendAsync(cancellationToken: Ct);

        Assert.Equal(DeliveryOutcome.Rejected, outcome);
        Assert.Single(renfield.Requests);
        Assert.Equal(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(harness.Logger.Collector.WithId(1406)).GetStructuredStateValue("StatusCode"));
    }

    [Fact]
    public async Task A_wrong_path_gets_Renfields_404_and_is_rejected()
    {
        await using var renfield = await FakeRenfield.StartAsync();
        using var harness = new WebhookHarness(new Uri(renfield.BaseAddress, "/api/notifications"), TimeProvider.System);

        var outcome = await harness.SendAsync(cancellationToken: Ct);

        Assert.Equal(DeliveryOutcome.Rejected, outcome);
        Assert.Equal(HttpStatusCode.NotFound, Assert.Single(renfield.Requests).StatusCode);
    }

    [Fact]
    public async Task Redirects_are_not_followed()
    {
        await using var renfield = await FakeRenfield.StartAsync();
        renfield.Enqueue(new FakeRenfieldResponse(HttpStatusCode.MovedPermanently)
        {
            Headers = new Dictionary<string, string> { ["Location"] = renfield.WebhookUrl.ToString() },
        });
        using var harness = new WebhookHarness(renfield.WebhookUrl, TimeProvider.System);

        var outcome = await harness.SendAsync(cancellationToken: Ct);

        Assert.Equal(DeliveryOutcome.Rejected, outcome);
        Assert.Single(renfield.Requests);
    }

    [Fact]
    public async Task A_huge_answer_is_read_only_up_to_the_bound()
    {
        await using var renfield = await FakeRenfield.StartAsync();
        var huge = """{"notification_id":7,"status":"delivered","delivered_to":[""" + string.Join(',', Enumerable.Repeat("\"device-with-a-long-name\"", 50_000)) + "]}";
        renfield.Enqueue(new FakeRenfieldResponse(HttpStatusCode.OK, huge));
        using var harness = new WebhookHarness(renfield.WebhookUrl, TimeProvider.System);

        var outcome = await harness.SendAsync(cancellationToken: Ct);

        Assert.Equal(DeliveryOutcome.Delivered, outcome);
        Assert.Null(Assert.Single(harness.Logger.Collector.WithId(1400)).GetStructuredStateValue("NotificationId")); // cut JSON: id unknown
    }

    [Theory]
    [MemberData(nameof(HostileCallers))]
    public async Task Hostile_names_yield_valid_JSON_that_Renfield_accepts(string kind, string name)
    {
        await using var renfield = await FakeRenfield.StartAsync();
        using var harness = new WebhookHarness(renfield.WebhookUrl, TimeProvider.System);
        var caller = new CallerIdentity(Enum.Parse<CallerKind>(kind), name, "+49 170 1234567", "+491701234567");
        var notification = harness.Composer.Compose(caller);

        var outcome = await harness.Client.SendAsync(notification, harness.DeadlineIn(TimeSpan.FromSeconds(25)), Ct);

        Assert.Equal(DeliveryOutcome.Delivered, outcome);
        var request = Assert.Single(renfield.Requests);
        Assert.Equal(notification.Title, request.JsonString("title"));
        Assert.Equal(notification.Message, request.JsonString("message"));
        Assert.True(request.JsonString("title")!.Length <= 255);
    }

    public static TheoryData<string, string> HostileCallers() => new()
    {
        { nameof(CallerKind.Contact), "Max \"The Quote\" Mustermann\\" },
        { nameof(CallerKind.Named), "Evil\r\nX-Injected: yes\r\n\r\n{\"title\":\"pwned\"}" },
        { nameof(CallerKind.Named), "Nul\0Bell\aEsc\u001b[31mRed\u007fDel\u0085Nel" },
        { nameof(CallerKind.Named), "Lone \ud800 surrogate \udc00 here" },
        { nameof(CallerKind.Named), "\u202eevil bidi\u202c </script><script>alert(1)</script> & 'x'" },
        { nameof(CallerKind.Contact), new string('A', 10_240) },
        { nameof(CallerKind.Contact), string.Concat(Enumerable.Repeat("\U0001F600e\u0301", 4_000)) },
        { nameof(CallerKind.Named), "   \r\n\t  " },
    };
}
