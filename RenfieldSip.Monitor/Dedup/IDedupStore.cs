namespace RenfieldSip.Monitor.Dedup;

internal interface IDedupStore
{
    /// <summary>
    /// Claims <paramref name="key"/> for the configured window. True when this caller is the first to
    /// claim it (announce); false when it was claimed within the window (suppress). Never throws for a
    /// store outage: it falls back and reports degraded health instead.
    /// </summary>
    ValueTask<bool> TryClaimAsync(string key, CancellationToken cancellationToken);
}
