using RenfieldSip.Monitor.Text;

namespace RenfieldSip.Monitor.Notification;

/// <summary>
/// The words of one language. Titles stay short: Renfield shows them in a toast, and its dedup key includes them,
/// so they must be stable for the same caller.
/// </summary>
internal sealed record NotificationWording(
    string TitleFrom,
    string MessageFrom,
    string AnonymousTitle,
    string AnonymousMessage,
    string AnonymousName,
    string UnknownTitle,
    string UnknownMessage,
    string UnknownName)
{
    public static NotificationWording German { get; } = new(
        TitleFrom: "Anruf von ",
        MessageFrom: "Eingehender Anruf von ",
        AnonymousTitle: "Anonymer Anruf",
        AnonymousMessage: "Eingehender Anruf von einem anonymen Anrufer",
        AnonymousName: "Anonymer Anrufer",
        UnknownTitle: "Unbekannter Anrufer",
        UnknownMessage: "Eingehender Anruf von einem unbekannten Anrufer",
        UnknownName: "Unbekannter Anrufer");

    public static NotificationWording English { get; } = new(
        TitleFrom: "Call from ",
        MessageFrom: "Incoming call from ",
        AnonymousTitle: "Anonymous call",
        AnonymousMessage: "Incoming call from an anonymous caller",
        AnonymousName: "Anonymous caller",
        UnknownTitle: "Unknown caller",
        UnknownMessage: "Incoming call from an unknown caller",
        UnknownName: "Unknown caller");

    public static NotificationWording For(Language language) => language == Language.English ? English : German;
}
