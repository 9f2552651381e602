using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PhoneNumbers;
using RenfieldSip.Monitor.Identity;
using RenfieldSip.Monitor.Phonebooks;
using RenfieldSip.Monitor.Phonebooks.CardDav;
using RenfieldSip.Monitor.Phonebooks.Yaml;

namespace RenfieldSip.Benchmarks.Micro;

/// <summary>
/// A 10,000-contact phonebook (20,000 numbers) loaded from each kind of source the way the monitor loads it: read,
/// every number normalized with libphonenumber, merged into the frozen snapshot. Then the lookup a call costs.
/// </summary>
[MemoryDiagnoser]
public class PhonebookLoadBenchmarks
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("renfieldsip-load-bench-");
    private PhoneNumberNormalizer _normalizer = null!;
    private ContactCardConverter _converter = null!;
    private string _yaml = null!;
    private string _vCard = null!;
    private string _fritzBox = null!;
    private CardDavCard[] _cardDav = null!;
    private Phonebook _phonebook = null!;

    [GlobalSetup]
    public void Setup()
    {
        _normalizer = new PhoneNumberNormalizer(PhoneNumberUtil.GetInstance(), Options.Create(new PhonebookOptions()));
        _converter = new ContactCardConverter(_normalizer, NullLogger.Instance);
        _yaml = Write("phonebook.yaml", GeneratedPhonebookExports.Yaml());
        _vCard = Write("kontakte.vcf", GeneratedPhonebookExports.VCard());
        _fritzBox = Write("Telefonbuch.xml", GeneratedPhonebookExports.FritzBox());
        _cardDav = [.. GeneratedPhonebookExports.VCardResources().Select((card, i) => new CardDavCard($"/max/contacts/{i}.vcf", $"\"{i}\"", card))];
        _phonebook = LoadYaml();
        foreach (var phonebook in new[] { _phonebook, LoadVCard(), LoadFritzBox(), LoadCardDav() })
        {
            if (phonebook.Count != 2 * GeneratedPhonebookExports.Contacts)
            {
                throw new InvalidOperationException($"A source loaded {phonebook.Count} numbers instead of {2 * GeneratedPhonebookExports.Contacts}.");
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _directory.Delete(recursive: true);

    [Benchmark]
    public object Yaml() => LoadYaml();

    [Benchmark]
    public object VCard() => LoadVCard();

    [Benchmark]
    public object FritzBox() => LoadFritzBox();

    /// <summary>What a CardDAV refresh does with 10,000 fetched cards (the network is not part of it).</summary>
    [Benchmark]
    public object CardDav() => LoadCardDav();

    /// <summary>A call's lookup in the 20,000-number snapshot: must not allocate.</summary>
    [Benchmark]
    public bool Lookup() => _phonebook.TryGetContact("+491701005000", out _);

    private Phonebook LoadYaml()
    {
        var contents = new PhonebookYamlReader(_normalizer, NullLogger.Instance).Load(_yaml, "phonebook.yaml");
        return new Phonebook(contents.Contacts);
    }

    private Phonebook LoadVCard() => new(_converter.Convert(ExportFiles.ReadVCards(_vCard), _vCard, "vcard").Contacts);

    private Phonebook LoadFritzBox() => new(_converter.Convert(ExportFiles.ReadFritzBox(_fritzBox), _fritzBox, "fritzbox").Contacts);

    private Phonebook LoadCardDav() => new(_converter.Convert(CardDavCardReader.Read(_cardDav, (_, _) => { }), "carddav", "carddav").Contacts);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }
}
