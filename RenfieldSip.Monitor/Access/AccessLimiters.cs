using Microsoft.Extensions.Options;

namespace RenfieldSip.Monitor.Access;

/// <summary>
/// One limiter per action for the whole monitor (there is one owner, and a stranger must not get a budget of their
/// own by changing address): test calls and login attempts.
/// </summary>
internal sealed class AccessLimiters(IOptions<AccessOptions> options, TimeProvider time)
{
    public SlidingWindowLimiter TestCalls { get; } = new(options.Value.TestCallsPerWindow, options.Value.TestCallWindow, time);

    public SlidingWindowLimiter Logins { get; } = new(options.Value.LoginsPerWindow, options.Value.TestCallWindow, time);
}
