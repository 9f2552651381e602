using RenfieldSip.Monitor.Identity;

namespace RenfieldSip.Monitor.Notification;

internal interface INotificationComposer
{
    RenfieldNotification Compose(CallerIdentity caller);
}
