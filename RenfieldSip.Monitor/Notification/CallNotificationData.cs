namespace RenfieldSip.Monitor.Notification;

internal sealed record CallNotificationData(string? CallerNumber, string? CallerName);
