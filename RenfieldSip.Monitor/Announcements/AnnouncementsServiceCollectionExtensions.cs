using Microsoft.Extensions.DependencyInjection.Extensions;
using RenfieldSip.Monitor.Access;
using RenfieldSip.Monitor.Dedup;
using RenfieldSip.Monitor.Lifecycle;
using RenfieldSip.Monitor.Rules;

namespace RenfieldSip.Monitor.Announcements;

internal static class AnnouncementsServiceCollectionExtensions
{
    /// <summary>The queue between the call tracker and the workers, the workers, and the test-call endpoint.</summary>
    public static IHostApplicationBuilder AddAnnouncements(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddCallLifecycle();
        builder.Services.AddSingleton<CallQueue>();
        builder.Services.AddSingleton<AnnouncementPolicy>();
        builder.Services.TryAddSingleton<AccessToken>();
        builder.Services.TryAddSingleton<DedupKeyHasher>();
        builder.Services.AddSingleton<CallAnnouncer>();
        builder.Services.AddHostedService<AnnouncementService>();
        return builder;
    }
}
