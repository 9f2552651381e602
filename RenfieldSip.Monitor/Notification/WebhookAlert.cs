namespace RenfieldSip.Monitor.Notification;

/// <summary>Configuration errors that repeat on every call until someone fixes Renfield or the monitor.</summary>
internal enum WebhookAlert
{
    Unauthorized,
    Disabled,
}
