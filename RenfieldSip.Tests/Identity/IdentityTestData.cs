using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PhoneNumbers;
using RenfieldSip.Monitor.Identity;
using RenfieldSip.Monitor.Phonebooks.Yaml;
using RenfieldSip.Monitor.Rules;

namespace RenfieldSip.Tests.Identity;

internal static class IdentityTestData
{
    public const string ExamplePhonebook = """
        contacts:
          "+49 170 1234567": "Max Mustermann"
          "+49 171 9876543": "Emma Mustermann"
          "0170 5555555": "Oma Helga"
        """;

    public static PhoneNumberNormalizer Normalizer(string region = "DE")
        => new(PhoneNumberUtil.GetInstance(), Options.Create(new PhonebookOptions { DefaultRegion = region }));

    public static Phonebook Parse(string yaml, ILogger? logger = null)
    {
        using var reader = new StringReader(yaml);
        var contents = new PhonebookYamlReader(Normalizer(), logger ?? NullLogger.Instance).Parse(reader, "test.yaml", "test.yaml");
        return new Phonebook(contents.Contacts);
    }

    /// <summary>The call rules of a phonebook.yaml text (<see cref="CallRules.None"/> without a <c>rules:</c> section).</summary>
    public static CallRules ParseRules(string yaml)
    {
        using var reader = new StringReader(yaml);
        return new PhonebookYamlReader(Normalizer(), NullLogger.Instance).Parse(reader, "test.yaml", "test.yaml").Rules ?? CallRules.None;
    }

    /// <summary>The repository's shipped config/sip/phonebook.yaml, found by walking up from the test binaries.</summary>
    public static string ShippedPhonebookPath()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "config", "sip", "phonebook.yaml");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("config/sip/phonebook.yaml not found above " + AppContext.BaseDirectory);
    }
}
