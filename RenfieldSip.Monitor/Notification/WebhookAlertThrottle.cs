namespace RenfieldSip.Monitor.Notification;

/// <summary>
/// At most one log per <see cref="Interval"/> for each <see cref="WebhookAlert"/>: a wrong token fails every call, and a
/// busy line must not bury the log. A singleton, because the typed HttpClient that uses it is transient.
/// </summary>
internal sealed class WebhookAlertThrottle(TimeProvider timeProvider)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private readonly long[] _lastLogged = [long.MinValue, long.MinValue];

    public bool ShouldLog(WebhookAlert alert)
    {
        var now = timeProvider.GetUtcNow().UtcTicks;
        ref var last = ref _lastLogged[(int)alert];
        var previous = Volatile.Read(ref last);
        if (previous != long.MinValue && now - previous < Interval.Ticks)
        {
            return false;
        }

        // Only the thread that wins the exchange logs; the others saw the same window.
        return Interlocked.CompareExchange(ref last, now, previous) == previous;
    }
}
