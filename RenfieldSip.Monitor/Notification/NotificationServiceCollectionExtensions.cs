namespace RenfieldSip.Monitor.Notification;

internal static class NotificationServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddRenfieldNotification(this IHostApplicationBuilder builder)
    {
        return builder;
    }
}
