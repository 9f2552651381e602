namespace RenfieldSip.Monitor.Notification;

/// <summary>The body of <c>POST /api/notifications/webhook</c>, in Renfield's field names.</summary>
internal sealed record RenfieldNotification(
    string EventType,
    string Title,
    string Message,
    string Urgency,
    string? Room,
    bool Tts,
    CallNotificationData Data);
