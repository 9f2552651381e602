using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.Identity;
using RenfieldSip.Monitor.Text;

namespace RenfieldSip.Monitor.Notification;

internal sealed class NotificationComposer(IOptions<WebhookOptions> options) : INotificationComposer
{
    public const string EventType = "sip.incoming_call";

    private readonly WebhookOptions _options = options.Value;

    public RenfieldNotification Compose(CallerIdentity caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var words = NotificationWording.For(_options.Wording);
        var number = UntrustedText.Clean(caller.DisplayNumber, UntrustedText.MaxNumberDigits);
        var name = UntrustedText.Clean(caller.Name, UntrustedText.MaxNameLength);

        return caller.Kind switch
        {
            // Only a name someone in the house chose is spoken. A display name comes from the caller's own signalling
            // ("Feueralarm – Haus sofort verlassen"): it stays on the call list, marked as the caller's claim.
            CallerKind.Contact or CallerKind.TestCall when name is not null => Create(words.TitleFrom + name, words.MessageFrom + name, number, name),
            CallerKind.Withheld => Create(words.AnonymousTitle, words.AnonymousMessage, null, words.AnonymousName),

            // A known caller whose name cleaned away to nothing is still worth announcing by number.
            CallerKind.Contact or CallerKind.Named or CallerKind.NumberOnly or CallerKind.TestCall when number is not null => Create(words.TitleFrom + number, words.MessageFrom + number, number, null),
            _ => Create(words.UnknownTitle, words.UnknownMessage, null, words.UnknownName),
        };
    }

    private RenfieldNotification Create(string title, string message, string? number, string? name) =>
        new(EventType, title, message, _options.Urgency, string.IsNullOrWhiteSpace(_options.Room) ? null : _options.Room.Trim(), _options.Tts, new CallNotificationData(number, name));
}
