using RenfieldSip.Monitor.Lifecycle;

namespace RenfieldSip.Monitor.History;

/// <summary>
/// Listens to every call's lifecycle, builds the records from it (<see cref="CallHistory"/>) and writes complete ones
/// to the store, one at a time, off the AMI read loop and the announcement workers. On shutdown it applies what the
/// pipeline published, records the calls still open and writes what is queued, within the host's shutdown timeout.
/// </summary>
/// <remarks>
/// Two loops, so a slow store (Redis timing out) never makes the lifecycle queue overflow: listening only updates
/// memory, and the records wait in the history's own bounded queue.
/// </remarks>
internal sealed class CallHistoryWriter(CallLifecycle lifecycle, CallHistory history, CallHistoryStore store, ILogger<CallHistoryWriter> logger) : IHostedService, IDisposable
{
    public const string Subscriber = "history";

    private readonly CancellationTokenSource _stopping = new();
    private CallLifecycleSubscription? _events;
    private Task _listening = Task.CompletedTask;
    private Task _writing = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Subscribed here, not in the loop: the history starts before the AMI client, so no call's first stage is missed.
        _events = lifecycle.Subscribe(Subscriber);
        var events = _events;
        _listening = Task.Run(() => ListenAsync(events, _stopping.Token), CancellationToken.None);
        _writing = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Stopped last (registered first): the pipeline has published all it will; what is queued is still applied.
        _events?.Dispose();
        try
        {
            await _listening.WaitAsync(cancellationToken);
            history.CompleteAll();
            await _writing.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Out of time: what is still queued is given up, the open calls are recorded with what is known.
            await _stopping.CancelAsync();
            await _listening.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            history.CompleteAll();
            await _writing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public void Dispose()
    {
        _events?.Dispose();
        _stopping.Dispose();
    }

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

    private async Task ListenAsync(CallLifecycleSubscription events, CancellationToken cancellationToken)
    {
        try
        {
            while (await events.Events.WaitToReadAsync(cancellationToken))
            {
                while (events.Events.TryRead(out var callEvent))
                {
                    history.Apply(callEvent);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
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
