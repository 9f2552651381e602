using Microsoft.Extensions.Time.Testing;

namespace RenfieldSip.Tests.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also reports when code arms a timer and for how long. Tests wait for
/// "the client is now waiting 30 s" before advancing, instead of advancing blindly and racing the code under test.
/// </summary>
internal sealed class AmiObservableTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _armed = [];
    private readonly AmiTestSignal _signal = new();
    private int _cursor;

    public FakeTimeProvider Fake { get; } = new();

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => Fake.LocalTimeZone;

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ObservedTimer(this, Fake.CreateTimer(callback, state, dueTime, period));
        Record(dueTime);
        return timer;
    }

    public void Advance(TimeSpan delta) => Fake.Advance(delta);

    /// <summary>
    /// Waits until a timer is armed (created or changed) with a due time matching <paramref name="match"/>, looking
    /// only at timers armed after the previous successful wait; returns that due time.
    /// </summary>
    public async Task<TimeSpan> WaitForTimerAsync(Func<TimeSpan, bool> match, string description, TimeSpan? timeout = null)
    {
        TimeSpan found = default;
        await _signal.WaitUntilAsync(
            () =>
            {
                lock (_gate)
                {
                    for (var i = _cursor; i < _armed.Count; i++)
                    {
                        if (match(_armed[i]))
                        {
                            found = _armed[i];
                            _cursor = i + 1;
                            return true;
                        }
                    }

                    return false;
                }
            },
            $"a timer for {description}",
            timeout).ConfigureAwait(false);
        return found;
    }

    public Task<TimeSpan> WaitForTimerAsync(TimeSpan dueTime, TimeSpan? timeout = null) =>
        WaitForTimerAsync(armed => armed == dueTime, dueTime.ToString(), timeout);

    private void Record(TimeSpan dueTime)
    {
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        lock (_gate)
        {
            _armed.Add(dueTime);
        }

        _signal.Pulse();
    }

    private sealed class ObservedTimer(AmiObservableTimeProvider owner, ITimer inner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            owner.Record(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
