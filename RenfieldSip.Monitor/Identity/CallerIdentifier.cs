using RenfieldSip.Monitor.Text;

namespace RenfieldSip.Monitor.Identity;

internal sealed class CallerIdentifier(PhoneNumberNormalizer normalizer, IPhonebookSource phonebook) : ICallerIdentifier
{
    private static readonly CallerIdentity WithheldCaller = new(CallerKind.Withheld, null, null, null);
    private static readonly CallerIdentity UnknownCaller = new(CallerKind.Unknown, null, null, null);

    // What carriers and Asterisk put in place of a number the caller suppressed.
    private static readonly string[] WithheldWords = ["anonymous", "restricted", "private", "withheld", "anonym", "unterdrückt"];

    // Display names that say nothing about the caller; announcing them would be worse than the number.
    private static readonly string[] MeaninglessNames =
    [
        "<unknown>", "unknown", "unavailable", "anonymous", "restricted", "private", "withheld", "anonym", "unbekannt",
        "unterdrückt", "privat", "private number", "unknown caller", "anonymous caller",
    ];

    public CallerIdentity Identify(string? callerNumber, string? callerName, CallerPresentation presentation)
    {
        if (presentation == CallerPresentation.Withheld)
        {
            return WithheldCaller;
        }

        var number = normalizer.Normalize(callerNumber);
        if (number is null)
        {
            // No digit at all: either a withheld marker or nothing usable (<unknown>, unavailable, empty).
            return ContainsAny(callerNumber, WithheldWords) ? WithheldCaller : UnknownCaller;
        }

        if (phonebook.Current.TryGetContact(number.Key, out var contact))
        {
            return new CallerIdentity(CallerKind.Contact, contact.Name, number.Display, number.E164, contact);
        }

        var name = UntrustedText.SanitizeName(callerName);
        return IsUsableName(name)
            ? new CallerIdentity(CallerKind.Named, name, number.Display, number.E164)
            : new CallerIdentity(CallerKind.NumberOnly, null, number.Display, number.E164);
    }

    private static bool IsUsableName(string name)
    {
        if (name.Length == 0 || MeaninglessNames.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        // A "name" made of phone characters only is the number again (often in another format).
        foreach (var c in name)
        {
            if (!(char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '/' or '(' or ')' or '.'))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsAny(string? text, string[] words)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        foreach (var word in words)
        {
            if (text.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
