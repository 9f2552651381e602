using System.Net.Http.Headers;
using RenfieldSip.Monitor.Notification;

namespace RenfieldSip.Tests.Notification;

public sealed class WebhookBackoffTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, 0.0, 125)]
    [InlineData(1, 1.0, 250)]
    [InlineData(2, 0.5, 375)]
    [InlineData(4, 1.0, 2000)]
    [InlineData(5, 1.0, 4000)]
    [InlineData(50, 1.0, 4000)]
    [InlineData(50, 0.0, 2000)]
    public void Backoff_doubles_with_equal_jitter_and_a_cap(int failedAttempts, double random, int expectedMs)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), WebhookBackoff.ForAttempt(failedAttempts, random));
    }

    [Fact]
    public void Retry_After_delta_seconds()
    {
        Assert.Equal(TimeSpan.FromSeconds(60), WebhookBackoff.RetryAfter(new RetryConditionHeaderValue(TimeSpan.FromSeconds(60)), Now));
    }

    [Fact]
    public void Retry_After_date_is_relative_to_the_clock_and_never_negative()
    {
        Assert.Equal(TimeSpan.FromSeconds(4), WebhookBackoff.RetryAfter(new RetryConditionHeaderValue(Now.AddSeconds(4)), Now));
        Assert.Equal(TimeSpan.Zero, WebhookBackoff.RetryAfter(new RetryConditionHeaderValue(Now.AddSeconds(-4)), Now));
        Assert.Null(WebhookBackoff.RetryAfter(null, Now));
    }
}
