using System.Diagnostics;
using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.Notification;

namespace RenfieldSip.Monitor.Announcements;

/// <summary>
/// Runs the announcement workers. Shutdown is graceful: no new calls are taken, queued and in-flight
/// announcements get until the host's shutdown timeout, then they are abandoned (each has its own deadline anyway).
/// </summary>
internal sealed class AnnouncementService(
    CallQueue queue,
    CallAnnouncer announcer,
    IOptions<WebhookOptions> options) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _abandon = new();
    private Task _workers = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var count = options.Value.MaxConcurrency;
        var workers = new Task[count];
        for (var i = 0; i < count; i++)
        {
            workers[i] = Task.Run(() => RunWorkerAsync(_abandon.Token), CancellationToken.None);
        }

        _workers = Task.WhenAll(workers);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        try
        {
            await _workers.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await _abandon.CancelAsync();
            await _workers.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public void Dispose() => _abandon.Dispose();

    /// <summary>Handles queued calls until the queue is completed and empty, or the work is abandoned.</summary>
    internal async Task RunWorkerAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await queue.Reader.WaitToReadAsync(cancellationToken))
            {
                while (queue.Reader.TryRead(out var call))
                {
                    // The worker's own context must not become the call's parent.
                    Activity.Current = null;
                    await announcer.AnnounceAsync(call, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
