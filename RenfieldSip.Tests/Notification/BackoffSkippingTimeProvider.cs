using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace RenfieldSip.Tests.Notification;

/// <summary>
/// A FakeTimeProvider view that jumps the clock forward by every wait (<c>Task.Delay(delay, timeProvider)</c>) as soon as
/// the wait's timer is registered, and records the waits; attempt timeouts (<c>new CancellationTokenSource(t, timeProvider)</c>)
/// are left alone. Retries then run at full speed in fake time, race-free: the timer exists before the clock moves.
/// </summary>
internal sealed class BackoffSkippingTimeProvider(FakeTimeProvider fake) : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _waits = new();

    public FakeTimeProvider Fake => fake;

    public IReadOnlyList<TimeSpan> Waits => [.. _waits];

    public override DateTimeOffset GetUtcNow() => fake.GetUtcNow();

    public override long GetTimestamp() => fake.GetTimestamp();

    public override long TimestampFrequency => fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => fake.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = fake.CreateTimer(callback, state, dueTime, period);
        if (state is not CancellationTokenSource && dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            _waits.Enqueue(dueTime);
            ThreadPool.QueueUserWorkItem(_ => fake.Advance(dueTime));
        }

        return timer;
    }
}
