using RenfieldSip.Monitor.Phonebooks.CardDav;
using RenfieldSip.Monitor.Phonebooks.Formats;

namespace RenfieldSip.Monitor.Phonebooks;

/// <summary>The cards of a CardDAV address book, one resource each, read into contact cards.</summary>
internal static class CardDavCardReader
{
    /// <param name="cards">The address book's cards as the server sent them.</param>
    /// <param name="broken">Told about each card that is not a readable vCard; that card is skipped.</param>
    public static List<ContactCard> Read(IReadOnlyList<CardDavCard> cards, Action<CardDavCard, PhonebookFormatException> broken)
    {
        ArgumentNullException.ThrowIfNull(cards);
        ArgumentNullException.ThrowIfNull(broken);

        // Read as one text first: the reader's buffers are sized for files, and 10,000 small reads would allocate
        // them 10,000 times. Only when that fails is each card read on its own, to find and skip the broken ones.
        try
        {
            using var all = new StringReader(string.Join("\r\n", cards.Select(card => card.VCardText)));
            return [.. VCardReader.Read(all)];
        }
        catch (PhonebookFormatException)
        {
        }

        var contacts = new List<ContactCard>(cards.Count);
        foreach (var card in cards)
        {
            try
            {
                using var reader = new StringReader(card.VCardText);
                contacts.AddRange(VCardReader.Read(reader));
            }
            catch (PhonebookFormatException exception)
            {
                // One odd card (a phone's export quirk) must not stop every later change from arriving.
                broken(card, exception);
            }
        }

        return contacts;
    }
}
