using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Notification;

/// <summary>The fake must answer like Renfield, or every test built on it proves nothing.</summary>
public sealed class FakeRenfieldTests
{
    private const string ValidBody = """{"event_type":"sip.incoming_call","title":"Anruf von Max","message":"Eingehender Anruf von Max","urgency":"info","room":null,"tts":true,"data":{"caller_number":null,"caller_name":"Max"}}""";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Valid_request_with_the_token_is_delivered_and_recorded()
    {
        await using var renfield = await FakeRenfield.StartAsync(new FakeRenfieldOptions { Token = "t" });
        using var http = new HttpClient();

        var (status, body) = await PostAsync(http, renfield.WebhookUrl, ValidBody, "Bearer t");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"notification_id":1,"status":"delivered","delivered_to":[]}""", body);
        var request = Assert.Single(await renfield.WaitForRequestsAsync(1, Wait));
        Assert.Equal("Bearer t", request.Header("authorization"));
        Assert.Equal(ValidBody, Encoding.UTF8.GetString(request.Body));
        Assert.Equal("Anruf von Max", request.JsonString("title"));
        Assert.Single(renfield.Delivered);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized, FakeRenfield.MissingAuthorizationDetail)]
    [InlineData("bearer t", HttpStatusCode.Unauthorized, FakeRenfield.MissingAuthorizationDetail)]
    [InlineData("Bearer wrong", HttpStatusCode.Forbidden, FakeRenfield.InvalidTokenDetail)]
    public async Task Authorization_is_checked_like_Renfield(string? authorization, HttpStatusCode expected, string detail)
    {
        await using var renfield = await FakeRenfield.StartAsync(new FakeRenfieldOptions { Token = "t" });
        using var http = new HttpClient();

        var (status, body) = await PostAsync(http, renfield.WebhookUrl, ValidBody, authorization);

        Assert.Equal(expected, status);
        Assert.Equal(FakeRenfieldJson.Detail(detail), body);
    }

    [Fact]
    public async Task Without_a_generated_token_every_token_is_forbidden()
    {
        await using var renfield = await FakeRenfield.StartAsync(new FakeRenfieldOptions { Token = null });
        using var http = new HttpClient();

        var (status, _) = await PostAsync(http, renfield.WebhookUrl, ValidBody, "Bearer anything");

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task Disabled_proactive_notifications_answer_503_before_the_token_is_looked_at()
    {
        await using var renfield = await FakeRenfield.StartAsync(new FakeRenfieldOptions { ProactiveEnabled = false });
        using var http = new HttpClient();

        var (status, body) = await PostAsync(http, renfield.WebhookUrl, ValidBody, authorization: null);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal(FakeRenfieldJson.Detail(FakeRenfield.DisabledDetail), body);
    }

    [Fact]
    public async Task Same_content_within_the_window_is_suppressed_and_accepted_after_it()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        await using var renfield = await FakeRenfield.StartAsync(new FakeRenfieldOptions { Token = "t", TimeProvider = time });
        using var http = new HttpClient();

        var first = await PostAsync(http, renfield.WebhookUrl, ValidBody, "Bearer t");
        time.Advance(TimeSpan.FromSeconds(59));
        var second = await PostAsync(http, renfield.WebhookUrl, ValidBody.Replace("\"tts\":true", "\"tts\":false", StringComparison.Ordinal), "Bearer t");
        time.Advance(TimeSpan.FromSeconds(2));
        var third = await PostAsync(http, renfield.WebhookUrl, ValidBody, "Bearer t");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.Status);
        Assert.Equal(FakeRenfieldJson.Detail(FakeRenfield.DuplicateDetail), second.Body);
        Assert.Equal(HttpStatusCode.OK, third.Status);
    }

    [Fact]
    public async Task A_body_that_is_not_a_WebhookRequest_is_422()
    {
        await using var renfield = await FakeRenfield.StartAsync();
        using var http = new HttpClient();

        var (status, _) = await PostAsync(http, renfield.WebhookUrl, """{"title":"t","message":"m"}""", "Bearer test-token");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
    }

    [Fact]
    public async Task Scripted_answers_come_first_with_their_headers()
    {
        await using var renfield = await FakeRenfield.StartAsync();
        renfield.Enqueue(FakeRenfieldResponse.RateLimited(7));
        using var http = new HttpClient();

        using var content = new StringContent(ValidBody, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(renfield.WebhookUrl, content, TestContext.Current.CancellationToken);
        var (after, _) = await PostAsync(http, renfield.WebhookUrl, ValidBody, "Bearer test-token");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, after);
    }

    [Fact]
    public async Task Rate_limit_answers_like_slowapi()
    {
        await using var renfield = await FakeRenfield.StartAsync(new FakeRenfieldOptions { RateLimitPerMinute = 1 });
        using var http = new HttpClient();

        await PostAsync(http, renfield.WebhookUrl, ValidBody, "Bearer test-token");
        using var content = new StringContent(ValidBody, Encoding.UTF8, "application/json");
        using var limited = await http.PostAsync(renfield.WebhookUrl, content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(60), limited.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Wrong_path_is_404()
    {
        await using var renfield = await FakeRenfield.StartAsync();
        using var http = new HttpClient();

        var (status, _) = await PostAsync(http, new Uri(renfield.BaseAddress, "/api/notifications"), ValidBody, "Bearer test-token");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task WaitForRequestsAsync_times_out_with_a_clear_message()
    {
        await using var renfield = await FakeRenfield.StartAsync();

        var error = await Assert.ThrowsAsync<TimeoutException>(() => renfield.WaitForRequestsAsync(1, TimeSpan.FromMilliseconds(50)));

        Assert.Contains("got 0 request(s)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitForDeliveredAsync_counts_only_200s()
    {
        await using var renfield = await FakeRenfield.StartAsync();
        renfield.Enqueue(FakeRenfieldResponse.Detail(HttpStatusCode.BadGateway, "x"));
        using var http = new HttpClient();

        await PostAsync(http, renfield.WebhookUrl, ValidBody, "Bearer test-token");
        var waiting = renfield.WaitForDeliveredAsync(1, Wait);
        Assert.False(waiting.IsCompleted);
        await PostAsync(http, renfield.WebhookUrl, ValidBody, "Bearer test-token");
        var delivered = await waiting;

        Assert.Equal(HttpStatusCode.OK, Assert.Single(delivered).StatusCode);
        Assert.Equal(2, renfield.Requests.Count);
    }

    private static async Task<(HttpStatusCode Status, string Body)> PostAsync(HttpClient http, Uri url, string json, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
