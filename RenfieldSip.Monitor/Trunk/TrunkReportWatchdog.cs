namespace RenfieldSip.Monitor.Trunk;

/// <summary>
/// Asterisk reports the registration only when it sends a REGISTER, so a monitor that logs in after Asterisk's first
/// attempt learns nothing until the next one: at most every 5 minutes (expiration 300) while registered, but only
/// every 10 minutes after a 403. When no report came within <see cref="Grace"/>, the trunk is reported Degraded.
/// </summary>
internal sealed class TrunkReportWatchdog(TrunkStatus status, TimeProvider time, ILogger<TrunkReportWatchdog> logger) : BackgroundService
{
    /// <summary>One refresh of pjsip.conf's expiration = 300 plus a minute's slack.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(6);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(Grace, time, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        CheckOnce();
    }

    /// <summary>The watchdog's single step, for tests.</summary>
    internal void CheckOnce()
    {
        if (status.ReportOverdue() is { } changed)
        {
            Log.Changed(logger, changed);
        }
    }
}
