using RenfieldSip.Benchmarks.Micro;
using RenfieldSip.Monitor.Phonebooks.Formats;

namespace RenfieldSip.Tests.Phonebooks.Formats;

/// <summary>The format benchmark's inputs parse completely and right; its timing lives in the benchmark, not here.</summary>
public sealed class GeneratedExportTests
{
    [Fact]
    public void The_generated_vcard_export_gives_all_its_contacts()
    {
        var cards = VCardReader.Read(new StringReader(GeneratedPhonebookExports.VCard()));

        Assert.Equal(GeneratedPhonebookExports.Contacts, cards.Count);
        AssertContact(cards[1234], 1234);
        Assert.Equal(["myContacts", "Familie"], cards[1230].Groups);
    }

    [Fact]
    public void The_generated_Fritz_Box_export_gives_all_its_contacts()
    {
        var cards = FritzBoxPhonebookReader.Read(new StringReader(GeneratedPhonebookExports.FritzBox()));

        Assert.Equal(GeneratedPhonebookExports.Contacts, cards.Count);
        AssertContact(cards[1234], 1234);
        Assert.Equal([FritzBoxPhonebookReader.ImportantGroup], cards[1230].Groups);
    }

    private static void AssertContact(ContactCard card, int contact)
    {
        Assert.Equal($"{GeneratedPhonebookExports.GivenName(contact)} {GeneratedPhonebookExports.FamilyName(contact)}", card.Name);
        Assert.Equal([GeneratedPhonebookExports.Mobile(contact), GeneratedPhonebookExports.Landline(contact)], card.Numbers);
    }
}
