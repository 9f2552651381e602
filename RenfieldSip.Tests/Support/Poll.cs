using System.Diagnostics;

namespace RenfieldSip.Tests.Support;

/// <summary>
/// Waits for state that gives no signal of its own (a log line, a health answer, Redis, another process), checking
/// every few milliseconds and failing with <see cref="TimeoutException"/> after a timeout. Returns how long the wait
/// took, for figures.
/// </summary>
internal static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(10);

    public static Task<TimeSpan> UntilAsync(Func<bool> condition, string what, TimeSpan timeout, CancellationToken cancellationToken) =>
        UntilAsync(() => Task.FromResult(condition()), what, timeout, cancellationToken);

    public static async Task<TimeSpan> UntilAsync(Func<Task<bool>> condition, string what, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await ForAsync(condition, met => met, what, timeout, Interval, cancellationToken);
        return clock.Elapsed;
    }

    /// <summary>Reads until the value satisfies <paramref name="done"/>, every <paramref name="interval"/>, and returns it.</summary>
    public static async Task<T> ForAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan timeout, TimeSpan interval, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            while (true)
            {
                var value = await read();
                if (done(value))
                {
                    return value;
                }

                await Task.Delay(interval, limit.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Timed out after {timeout} waiting for {what}.");
        }
    }
}
