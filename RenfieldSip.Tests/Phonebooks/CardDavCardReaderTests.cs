using RenfieldSip.Monitor.Phonebooks;
using RenfieldSip.Monitor.Phonebooks.CardDav;
using RenfieldSip.Monitor.Phonebooks.Formats;

namespace RenfieldSip.Tests.Phonebooks;

public sealed class CardDavCardReaderTests
{
    private static CardDavCard Card(string href, string name, string number) =>
        new(href, "\"1\"", $"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{name}\r\nTEL:{number}\r\nEND:VCARD\r\n");

    [Fact]
    public void Every_card_is_read_in_order()
    {
        var contacts = CardDavCardReader.Read([Card("/a.vcf", "Anna", "+49 30 1"), Card("/b.vcf", "Bernd", "+49 30 2")], (_, exception) => throw exception);

        Assert.Equal(["Anna", "Bernd"], contacts.Select(contact => contact.Name));
    }

    [Fact]
    public void A_broken_card_is_skipped_and_named_while_the_others_are_kept()
    {
        var broken = new List<(string Href, int Line)>();
        var cards = new[]
        {
            Card("/a.vcf", "Anna", "+49 30 1"),
            new CardDavCard("/kaputt.vcf", "\"2\"", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Kaputt\r\nTEL:+49 30 3\r\n"),
            Card("/c.vcf", "Carla", "+49 30 4"),
        };

        var contacts = CardDavCardReader.Read(cards, (card, exception) => broken.Add((card.Href, exception.Line)));

        Assert.Equal(["Anna", "Carla"], contacts.Select(contact => contact.Name));
        Assert.Equal([("/kaputt.vcf", 1)], broken);
    }
}
