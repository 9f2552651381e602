namespace RenfieldSip.Monitor.Ami;

/// <summary>
/// The two retry schedules. Unreachable: 100 ms doubling to Ami:ReconnectMaxDelay with jitter, so a restarted
/// Asterisk is back within about a second. Refused login: Ami:LoginRetryDelay doubling to Ami:LoginRetryMaxDelay,
/// because retrying bad credentials fast only fills Asterisk's security log (and fail2ban).
/// </summary>
internal sealed class AmiRetryDelays
{
    private static readonly TimeSpan InitialReconnectDelay = TimeSpan.FromMilliseconds(100);

    private readonly AmiOptions _options;
    private readonly Random _random;
    private TimeSpan _nextReconnect = InitialReconnectDelay;
    private TimeSpan _nextLoginRetry;

    public AmiRetryDelays(AmiOptions options, Random random)
    {
        _options = options;
        _random = random;
        _nextLoginRetry = options.LoginRetryDelay;
    }

    public int FailedAttempts { get; private set; }

    public TimeSpan NextReconnect()
    {
        FailedAttempts++;
        var delay = Min(_nextReconnect, _options.ReconnectMaxDelay);
        _nextReconnect = Min(_nextReconnect * 2, _options.ReconnectMaxDelay);

        // Jitter within [75 %, 100 %] so many monitors restarted together do not reconnect in lockstep.
        return delay * (0.75 + (_random.NextDouble() * 0.25));
    }

    public TimeSpan NextLoginRetry()
    {
        FailedAttempts++;
        var delay = _nextLoginRetry;
        _nextLoginRetry = Min(_nextLoginRetry * 2, _options.LoginRetryMaxDelay);
        return delay;
    }

    public void Reset()
    {
        FailedAttempts = 0;
        _nextReconnect = InitialReconnectDelay;
        _nextLoginRetry = _options.LoginRetryDelay;
    }

    private static TimeSpan Min(TimeSpan left, TimeSpan right) => left < right ? left : right;
}
