namespace RenfieldSip.Monitor.Dedup;

internal static class DedupServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddDedup(this IHostApplicationBuilder builder)
    {
        return builder;
    }
}
