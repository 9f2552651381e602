using Microsoft.Extensions.Options;

namespace RenfieldSip.Monitor.Voicemail;

/// <summary>
/// The one worker that takes finished messages off the queue, one after another (a household's messages come
/// minutes apart), and prunes messages past Voicemail:MaxAge every hour. The kept messages are restored from the
/// directory at start, before the web server (registered after every hosted service) takes requests.
/// </summary>
internal sealed class VoicemailService(
    VoicemailQueue queue,
    VoicemailProcessor processor,
    VoicemailFiles files,
    VoicemailIndex index,
    VoicemailRestore restore,
    IOptions<VoicemailOptions> options,
    TimeProvider time,
    ILogger<VoicemailService> logger) : BackgroundService
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.IsEnabled)
        {
            restore.Run();
        }

        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.IsEnabled)
        {
            Log.Disabled(logger);
            return;
        }

        Log.Enabled(logger, settings.Directory!, settings.MaxMessages, settings.MaxAge, settings.Transcribe);
        using var pruning = new PeriodicTimer(PruneEvery, time);
        var prune = PruneAsync(pruning, stoppingToken);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (queue.Reader.TryRead(out var arrival))
                {
                    await ProcessOneAsync(arrival, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await prune.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>One message; a failure is logged and costs only this message its announcement.</summary>
    internal async Task ProcessOneAsync(VoicemailArrival arrival, CancellationToken cancellationToken)
    {
        try
        {
            await processor.ProcessAsync(arrival, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            Log.Crashed(logger, exception, arrival.CallId);
        }
    }

    private async Task PruneAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            files.Delete(index.Prune(), "older than Voicemail:MaxAge");
        }
    }
}
