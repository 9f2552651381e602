namespace RenfieldSip.Monitor.Calls;

internal static class CallsServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddCallPipeline(this IHostApplicationBuilder builder)
    {
        return builder;
    }
}
