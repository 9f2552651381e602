using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RenfieldSip.Monitor.Access;
using RenfieldSip.Tests.EndToEnd;

namespace RenfieldSip.Tests.Access;

/// <summary>
/// Even with the token, test calls are limited: each one makes Renfield speak in every room. The limiter runs on a
/// <see cref="FakeTimeProvider"/>, so "quick" means "before the test moves the clock", never a race with a real one.
/// </summary>
public sealed class TestCallRateLimitTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_call_after_the_limit_gets_429_with_Retry_After_and_the_window_then_opens_again()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 20, 0, 0, TimeSpan.Zero));
        await using var harness = await EndToEndHarness.StartAsync(
            new Dictionary<string, string?> { ["Access:TestCallsPerWindow"] = "3", ["Access:TestCallWindow"] = "00:01:00" },
            configure: builder => builder.Services.AddSingleton(services => new AccessLimiters(services.GetRequiredService<IOptions<AccessOptions>>(), clock)));

        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await EndToEndHarness.TestCallAsync(harness.Monitor, null, "Knopf " + i, Cancellation)).Status);
        }

        using var http = EndToEndHarness.Client(harness.Monitor);
        using var limited = await http.PostAsync(new Uri("/api/test-call", UriKind.Relative), null, Cancellation);
        clock.Advance(TimeSpan.FromMinutes(1));
        var (afterWindow, _) = await EndToEndHarness.TestCallAsync(harness.Monitor, null, "Nach einer Minute", Cancellation);

        Assert.Equal([200, 200, 200, 429], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(60), limited.Headers.RetryAfter?.Delta);
        Assert.Equal(200, afterWindow);
        Assert.Equal(4, harness.Renfield.Requests.Count);
        Assert.Contains(harness.Monitor.Logs.GetSnapshot(), r => r.Id.Id == 1804);
    }

    [Fact]
    public async Task A_stranger_does_not_use_up_the_owners_test_calls()
    {
        var clock = new FakeTimeProvider();
        await using var harness = await EndToEndHarness.StartAsync(
            new Dictionary<string, string?> { ["Access:TestCallsPerWindow"] = "1" },
            configure: builder => builder.Services.AddSingleton(services => new AccessLimiters(services.GetRequiredService<IOptions<AccessOptions>>(), clock)));
        using var stranger = new HttpClient { BaseAddress = harness.Monitor.BaseAddress };

        for (var i = 0; i < 5; i++)
        {
            using var refused = await stranger.PostAsync(new Uri("/api/test-call", UriKind.Relative), null, Cancellation);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        Assert.Equal(200, (await EndToEndHarness.TestCallAsync(harness.Monitor, null, null, Cancellation)).Status);
    }

    [Fact]
    public async Task Login_attempts_are_limited_too()
    {
        var clock = new FakeTimeProvider();
        await using var harness = await EndToEndHarness.StartAsync(
            new Dictionary<string, string?> { ["Access:LoginsPerWindow"] = "2" },
            configure: builder => builder.Services.AddSingleton(services => new AccessLimiters(services.GetRequiredService<IOptions<AccessOptions>>(), clock)));
        using var browser = OwnerBrowser.For(harness.Monitor);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await browser.LogInAsync("guess-number-" + i + "-abcdefgh", Cancellation);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }
}
