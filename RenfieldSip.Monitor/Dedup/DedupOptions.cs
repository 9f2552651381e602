namespace RenfieldSip.Monitor.Dedup;

// TEMPORARY stub until the identity branch is merged.
internal sealed class DedupOptions
{
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(30);
}
