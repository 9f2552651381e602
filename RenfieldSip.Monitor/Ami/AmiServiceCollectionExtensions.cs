namespace RenfieldSip.Monitor.Ami;

internal static class AmiServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddAmiClient(this IHostApplicationBuilder builder)
    {
        return builder;
    }
}
