using Microsoft.Extensions.Time.Testing;
using RenfieldSip.Monitor.Notification;

namespace RenfieldSip.Tests.Notification;

public sealed class WebhookAlertThrottleTests
{
    [Fact]
    public void Each_alert_is_let_through_once_a_minute()
    {
        var time = new FakeTimeProvider();
        var throttle = new WebhookAlertThrottle(time);

        var first = throttle.ShouldLog(WebhookAlert.Unauthorized);
        var again = throttle.ShouldLog(WebhookAlert.Unauthorized);
        var other = throttle.ShouldLog(WebhookAlert.Disabled);
        time.Advance(TimeSpan.FromSeconds(59));
        var tooEarly = throttle.ShouldLog(WebhookAlert.Unauthorized);
        time.Advance(TimeSpan.FromSeconds(1));
        var afterAMinute = throttle.ShouldLog(WebhookAlert.Unauthorized);

        Assert.Equal([true, false, true, false, true], [first, again, other, tooEarly, afterAMinute]);
    }

    [Fact]
    public void Concurrent_failures_log_once()
    {
        var throttle = new WebhookAlertThrottle(new FakeTimeProvider());

        var allowed = 0;
        Parallel.For(0, 64, _ =>
        {
            if (throttle.ShouldLog(WebhookAlert.Disabled))
            {
                Interlocked.Increment(ref allowed);
            }
        });

        Assert.Equal(1, allowed);
    }
}
