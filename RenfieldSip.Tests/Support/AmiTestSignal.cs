namespace RenfieldSip.Tests.Support;

/// <summary>
/// "Something changed" pulse for awaiting a condition with a timeout, without polling or sleeping:
/// waiters re-check their condition on every pulse.
/// </summary>
internal sealed class AmiTestSignal
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private TaskCompletionSource _changed = NewSource();

    public void Pulse() => Interlocked.Exchange(ref _changed, NewSource()).TrySetResult();

    public async Task WaitUntilAsync(Func<bool> condition, string description, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var limit = timeout ?? DefaultTimeout;
        using var timeoutSource = new CancellationTokenSource(limit);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeoutSource.Token, cancellationToken);
        while (true)
        {
            // Take the pulse before testing, so a change between the test and the await is never missed.
            var changed = Volatile.Read(ref _changed).Task;
            if (condition())
            {
                return;
            }

            try
            {
                await changed.WaitAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested)
            {
                throw new TimeoutException($"Timed out after {limit} waiting for {description}.");
            }
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
