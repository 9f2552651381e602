using System.Text;

namespace RenfieldSip.Monitor.Phonebooks.Formats;

/// <summary>
/// Contacts of a vCard file: 2.1 as old phones export it, 3.0 (RFC 2426) and 4.0 (RFC 6350). Strict about structure,
/// which decides whether anything read is right (cards that do not close or nest, lines that are no property, broken
/// quoted-printable, an unknown charset on a value it decodes, the caps); tolerant of what real exports get wrong and
/// does not matter (unknown properties and parameters, blank lines, unindented 2.1 base64 lines, unknown escapes).
/// </summary>
internal static class VCardReader
{
    /// <summary>Text per card, line breaks included. An embedded photo of a phone export stays well under it.</summary>
    public const int MaxCardChars = 1024 * 1024;

    public const int MaxCards = 100_000;

    /// <summary>UTF-8 unless a byte order mark says otherwise; vCard 4.0 allows nothing else, and 3.0 exports write it.</summary>
    public static IReadOnlyList<ContactCard> Read(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return Read(reader);
    }

    public static IReadOnlyList<ContactCard> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var lines = new TextLineReader(reader);
        var unfolder = new VCardUnfolder(lines);
        var card = new VCardCardBuilder();
        var cards = new List<ContactCard>();
        var inCard = false;
        var inBase64Block = false;
        while (true)
        {
            if (!inCard)
            {
                lines.Limit(MaxCardChars, lines.LineNumber + 1, "a line outside a card is longer than 1 MiB");
            }

            if (!unfolder.MoveNext())
            {
                break;
            }

            var line = unfolder.LineNumber;
            var text = unfolder.Current;
            if (text.IsWhiteSpace())
            {
                inBase64Block = false;
                continue;
            }

            if (!VCardProperty.TryParse(text, out var property))
            {
                // vCard 2.1 base64 may run on over unindented lines until a blank line; they hold no colon.
                if (inBase64Block)
                {
                    continue;
                }

                throw new PhonebookFormatException(line, inCard ? "a line inside a card that is no property (no ':')" : "text outside a card");
            }

            inBase64Block = false;
            if (IsCardBoundary(property, "BEGIN"))
            {
                if (inCard)
                {
                    throw new PhonebookFormatException(line, $"BEGIN:VCARD inside the card of line {card.Line} (its END:VCARD is missing)");
                }

                if (cards.Count == MaxCards)
                {
                    throw new PhonebookFormatException(line, $"more than {MaxCards} cards");
                }

                inCard = true;
                card.Start(line);
                lines.Limit(MaxCardChars, line, "the card is longer than 1 MiB");
            }
            else if (!inCard)
            {
                throw new PhonebookFormatException(line, IsCardBoundary(property, "END") ? "END:VCARD without BEGIN:VCARD" : "a property outside a card");
            }
            else if (IsCardBoundary(property, "END"))
            {
                cards.Add(card.Build());
                inCard = false;
            }
            else if (property.Encoding == VCardEncoding.Base64)
            {
                inBase64Block = true;
            }
            else
            {
                card.Add(property, line);
            }
        }

        if (inCard)
        {
            throw new PhonebookFormatException(card.Line, "the card has no END:VCARD");
        }

        return cards;
    }

    private static bool IsCardBoundary(VCardProperty property, string name) =>
        property.Is(name) && property.Value.Trim().Equals("VCARD", StringComparison.OrdinalIgnoreCase);
}
