using Microsoft.Extensions.Logging.Abstractions;
using RenfieldSip.Benchmarks.Micro;
using RenfieldSip.Monitor.Phonebooks;
using RenfieldSip.Monitor.Phonebooks.CardDav;
using RenfieldSip.Monitor.Phonebooks.Yaml;
using RenfieldSip.Tests.Identity;

namespace RenfieldSip.Tests.Phonebooks;

/// <summary>
/// The inputs PhonebookLoadBenchmarks times, loaded completely by each source's path; how long it takes is the
/// benchmark's to say (docs/PERFORMANCE.md), not this test's.
/// </summary>
public sealed class LargePhonebookTests
{
    private const int Numbers = 2 * GeneratedPhonebookExports.Contacts;

    [Fact]
    public void Ten_thousand_contacts_load_from_yaml_vcard_fritzbox_and_carddav_cards_with_every_number()
    {
        var normalizer = IdentityTestData.Normalizer();
        var converter = new ContactCardConverter(normalizer, NullLogger.Instance);
        using var yaml = new StringReader(GeneratedPhonebookExports.Yaml());
        using var vCard = new StringReader(GeneratedPhonebookExports.VCard());
        using var fritzBox = new StringReader(GeneratedPhonebookExports.FritzBox());
        CardDavCard[] cards = [.. GeneratedPhonebookExports.VCardResources().Select((card, i) => new CardDavCard($"/c/{i}.vcf", null, card))];

        Assert.Equal(Numbers, new PhonebookYamlReader(normalizer, NullLogger.Instance).Parse(yaml, "phonebook.yaml", "phonebook.yaml").Count);
        Assert.Equal(Numbers, converter.Convert(Monitor.Phonebooks.Formats.VCardReader.Read(vCard), "kontakte.vcf", "vcard").Count);
        Assert.Equal(Numbers, converter.Convert(Monitor.Phonebooks.Formats.FritzBoxPhonebookReader.Read(fritzBox), "Telefonbuch.xml", "fritzbox").Count);
        Assert.Equal(Numbers, converter.Convert(CardDavCardReader.Read(cards, (_, exception) => throw exception), "carddav", "carddav").Count);
    }
}
