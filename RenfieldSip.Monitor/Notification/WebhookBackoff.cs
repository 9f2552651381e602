using System.Net.Http.Headers;

namespace RenfieldSip.Monitor.Notification;

/// <summary>How long to wait before the next attempt.</summary>
internal static class WebhookBackoff
{
    public static readonly TimeSpan Base = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan Max = TimeSpan.FromSeconds(4);

    /// <summary>
    /// Exponential with "equal jitter": half fixed, half random, so a burst of calls failing together does not return
    /// to Renfield in lockstep, yet every wait is at least half the nominal delay.
    /// </summary>
    public static TimeSpan ForAttempt(int failedAttempts, double random)
    {
        var exponent = Math.Clamp(failedAttempts - 1, 0, 16);
        var nominal = TimeSpan.FromTicks(Math.Min(Max.Ticks, Base.Ticks << exponent));
        return nominal / 2 + nominal / 2 * Math.Clamp(random, 0, 1);
    }

    /// <summary>Retry-After as delta-seconds or HTTP date, never negative; null when absent.</summary>
    public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
