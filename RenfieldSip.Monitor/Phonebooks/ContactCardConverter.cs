using RenfieldSip.Monitor.Identity;
using RenfieldSip.Monitor.Phonebooks.Formats;
using RenfieldSip.Monitor.Text;

namespace RenfieldSip.Monitor.Phonebooks;

/// <summary>
/// Turns the contacts of an address book export into phonebook entries: names made safe, numbers normalized like
/// every other source. What cannot be used is counted and logged once per load, not once per contact: a real
/// address book has hundreds of contacts without a phone number, and internal numbers such as <c>**610</c>.
/// </summary>
internal sealed class ContactCardConverter(PhoneNumberNormalizer normalizer, ILogger logger)
{
    public SourceContents Convert(IReadOnlyList<ContactCard> cards, string location, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(cards);
        var contacts = new Dictionary<string, PhonebookContact>(cards.Count, StringComparer.Ordinal);
        var skippedNumbers = 0;
        var firstSkippedLine = 0;
        var nameless = 0;
        foreach (var card in cards)
        {
            if (card.Numbers.Count == 0)
            {
                continue;
            }

            var name = UntrustedText.SanitizeName(card.Name);
            if (name.Length == 0)
            {
                nameless++;
                continue;
            }

            PhonebookContact? contact = null;
            foreach (var raw in card.Numbers)
            {
                var number = normalizer.Normalize(raw);
                if (number?.E164 is null)
                {
                    skippedNumbers++;
                    firstSkippedLine = firstSkippedLine == 0 ? card.Line : firstSkippedLine;
                    continue;
                }

                // The first card with a number keeps it, as the export lists it.
                contact ??= new PhonebookContact(name, sourceName, Groups(card.Groups));
                contacts.TryAdd(number.Key, contact);
            }
        }

        if (skippedNumbers > 0 || nameless > 0)
        {
            Log.SourceEntriesSkipped(logger, location, skippedNumbers, firstSkippedLine, nameless);
        }

        return new SourceContents([.. contacts]);
    }

    private static string[] Groups(IReadOnlyList<string> groups)
    {
        if (groups.Count == 0)
        {
            return [];
        }

        var cleaned = new List<string>(groups.Count);
        foreach (var group in groups)
        {
            if (UntrustedText.Clean(group, UntrustedText.MaxNameLength) is { } text)
            {
                cleaned.Add(text);
            }
        }

        return [.. cleaned];
    }
}
