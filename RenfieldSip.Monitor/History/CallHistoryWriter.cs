namespace RenfieldSip.Monitor.History;

/// <summary>
/// Writes complete records to the store, one at a time, off the AMI read loop and the announcement workers. On
/// shutdown it records the calls still open and writes what is queued, within the host's shutdown timeout.
/// </summary>
internal sealed class CallHistoryWriter(CallHistory history, CallHistoryStore store, ILogger<CallHistoryWriter> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        history.CompleteAll();
        try
        {
            await _loop.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await _stopping.CancelAsync();
            await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public void Dispose() => _stopping.Dispose();

    /// <summary>Writes one complete record, waiting for one if none is queued; false once no more will come.</summary>
    internal async Task<bool> WriteNextAsync(CancellationToken cancellationToken)
    {
        if (!await history.Completed.WaitToReadAsync(cancellationToken))
        {
            return false;
        }

        if (history.Completed.TryRead(out var record))
        {
            try
            {
                await store.AppendAsync(record, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Log.RecordFailed(logger, exception, record.CallId);
            }
        }

        return true;
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await WriteNextAsync(cancellationToken))
            {
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
