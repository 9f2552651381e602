using Microsoft.Extensions.Time.Testing;

namespace RenfieldSip.Tests.Support;

/// <summary>
/// Real time for "now", but timers that fire only when the test calls <see cref="Advance"/>. Timestamps a component
/// takes stay comparable with every other clock of the process (latencies, deadlines), while what its timers decide
/// no longer depends on how busy the machine is.
/// </summary>
internal sealed class ManualTimers : TimeProvider
{
    private readonly FakeTimeProvider _timers = new();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow();

    public override long GetTimestamp() => System.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _timers.CreateTimer(callback, state, dueTime, period);

    /// <summary>Fires, on the calling thread, every timer that is due within <paramref name="delta"/>.</summary>
    public void Advance(TimeSpan delta) => _timers.Advance(delta);
}
