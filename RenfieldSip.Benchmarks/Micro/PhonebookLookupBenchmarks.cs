using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PhoneNumbers;
using RenfieldSip.Benchmarks.Load;
using RenfieldSip.Monitor.Identity;
using RenfieldSip.Monitor.Phonebooks.Yaml;

namespace RenfieldSip.Benchmarks.Micro;

/// <summary>
/// <see cref="CallerIdentifier.Identify"/> with the load tool's phonebook (1,000 contacts, the real YAML loader):
/// libphonenumber parse + format, then the frozen-dictionary lookup. Per caller.
/// </summary>
[MemoryDiagnoser]
public class PhonebookLookupBenchmarks
{
    private CallerIdentifier _identifier = null!;

    [GlobalSetup]
    public void Setup()
    {
        var normalizer = new PhoneNumberNormalizer(PhoneNumberUtil.GetInstance(), Options.Create(new PhonebookOptions()));
        using var yaml = new StringReader(LoadHarness.Phonebook());
        var contents = new PhonebookYamlReader(normalizer, NullLogger.Instance).Parse(yaml, "load phonebook", "phonebook.yaml");
        var phonebook = new Phonebook(contents.Contacts);
        _identifier = new CallerIdentifier(normalizer, new FixedPhonebook(phonebook));
        Console.WriteLine($"// phonebook: {phonebook.Count} contacts");
        if (Id(Known()).Kind != CallerKind.Contact || Id(National()).Kind != CallerKind.Contact || Id(Unknown()).Kind != CallerKind.Named || Id(Anonymous()).Kind != CallerKind.Withheld)
        {
            throw new InvalidOperationException("The lookup cases do not take the paths they are named after.");
        }
    }

    private static CallerIdentity Id(object identity) => (CallerIdentity)identity;

    /// <summary>A contact, in the E.164 form the trunk sends.</summary>
    [Benchmark(Baseline = true)]
    public object Known() => _identifier.Identify("+491701000500", "MUELLER", CallerPresentation.Allowed);

    /// <summary>A contact dialled in national form: the same key after normalization.</summary>
    [Benchmark]
    public object National() => _identifier.Identify("01701000500", null, CallerPresentation.Allowed);

    /// <summary>Not in the phonebook: the network's display name is sanitized and used.</summary>
    [Benchmark]
    public object Unknown() => _identifier.Identify("+491709000001", "Erika Musterfrau", CallerPresentation.Allowed);

    /// <summary>A withheld caller: no parsing at all.</summary>
    [Benchmark]
    public object Anonymous() => _identifier.Identify("anonymous", "Anonymous", CallerPresentation.Unknown);
}
