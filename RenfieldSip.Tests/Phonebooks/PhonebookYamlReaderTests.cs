using Microsoft.Extensions.Logging.Testing;
using RenfieldSip.Monitor.Identity;
using RenfieldSip.Monitor.Phonebooks.Formats;
using RenfieldSip.Monitor.Phonebooks.Yaml;
using RenfieldSip.Tests.Identity;

namespace RenfieldSip.Tests.Phonebooks;

public sealed class PhonebookLoaderTests
{
    private readonly FakeLogger _logger = new();

    [Fact]
    public void The_example_phonebook_has_three_contacts_keyed_by_e164()
    {
        var phonebook = IdentityTestData.Parse(IdentityTestData.ExamplePhonebook, _logger);

        Assert.Equal(3, phonebook.Count);
        Assert.True(phonebook.TryGetContact("+491705555555", out var omaContact));
        Assert.Equal("Oma Helga", omaContact.Name);
        Assert.Empty(_logger.Collector.GetSnapshot());
    }

    [Fact]
    public void The_shipped_phonebook_loads()
    {
        var path = IdentityTestData.ShippedPhonebookPath();
        var contents = new PhonebookYamlReader(IdentityTestData.Normalizer(), _logger).Load(path, "phonebook.yaml");
        var phonebook = new Phonebook(contents.Contacts);

        Assert.Equal(3, phonebook.Count);
        Assert.True(phonebook.TryGetContact("+491701234567", out var maxContact));
        Assert.Equal("Max Mustermann", maxContact.Name);
    }

    [Fact]
    public void Two_entries_for_one_number_warn_and_the_last_wins()
    {
        var phonebook = IdentityTestData.Parse("""
            contacts:
              "+49 170 1234567": "Max"
              "0170 1234567": "Maximilian"
            """, _logger);

        Assert.Equal(1, phonebook.Count);
        Assert.True(phonebook.TryGetContact("+491701234567", out var nameContact));
        Assert.Equal("Maximilian", nameContact.Name);
        var warning = Assert.Single(_logger.Collector.GetSnapshot());
        Assert.Equal(1206, warning.Id.Id);
        Assert.Equal("3", warning.GetStructuredStateValue("Line"));
        Assert.Equal("2", warning.GetStructuredStateValue("FirstLine"));
    }

    [Fact]
    public void Entries_without_a_parseable_number_or_a_name_are_skipped_with_their_line()
    {
        var phonebook = IdentityTestData.Parse("""
            contacts:
              "not a number": "Nobody"
              "+49 171 9876543": "Emma Mustermann"
              "100": "Intern"
              "+49 170 1234567": ""
              "+49 170 5555555": [ "a", "list" ]
            """, _logger);

        Assert.Equal(1, phonebook.Count);
        var skipped = _logger.Collector.GetSnapshot()
            .Select(record => (record.Id.Id, Line: record.GetStructuredStateValue("Line")))
            .ToArray();
        Assert.Equal([(1205, "2"), (1205, "4"), (1207, "5"), (1207, "6")], skipped);
        Assert.DoesNotContain(_logger.Collector.GetSnapshot(), record => record.Message.Contains("171", StringComparison.Ordinal));
    }

    [Fact]
    public void Names_are_sanitized()
    {
        var phonebook = IdentityTestData.Parse("contacts:\n  \"+49 170 1234567\": \"  Max\\r\\n  Mustermann\\u0007 \"\n", _logger);

        Assert.True(phonebook.TryGetContact("+491701234567", out var nameContact));
        Assert.Equal("Max Mustermann", nameContact.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# nur ein Kommentar\n")]
    [InlineData("contacts:\n")]
    [InlineData("other: 1\ncontacts: {}\n")]
    public void An_empty_phonebook_is_valid(string yaml)
    {
        Assert.Equal(0, IdentityTestData.Parse(yaml, _logger).Count);
    }

    [Theory]
    [InlineData("contacts:\n  \"+49 170 1234567\": \"Max\"\n  \"+49 171 9876543\": Emma: Mustermann\n", 3)]
    [InlineData("contacts:\n  \"+49 170 1234567\": \"Max\n", 2)]
    [InlineData("# Kopf\ncontacts:\n  - \"+49 170 1234567\"\n", 3)]
    [InlineData("- contacts\n", 1)]
    [InlineData("contacts:\n  \"+49 170 1234567\": \"Max\"\n---\nkey: value: x\n", 4)]
    public void A_broken_file_throws_with_its_line(string yaml, long line)
    {
        var exception = Assert.Throws<PhonebookFormatException>(() => IdentityTestData.Parse(yaml, _logger));

        Assert.Equal(line, exception.Line);
    }
}
