namespace RenfieldSip.Monitor.Access;

/// <summary>Says once at start when the monitor runs without a token, so the owner learns why everything answers 401.</summary>
internal sealed class AccessAnnouncement(AccessToken token, ILogger<AccessAnnouncement> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!token.IsConfigured)
        {
            Log.NoToken(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
