namespace RenfieldSip.Monitor.Identity;

internal static class IdentityServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddCallerIdentity(this IHostApplicationBuilder builder)
    {
        return builder;
    }
}
