using PhoneNumbers;
using RenfieldSip.Monitor.Identity;

namespace RenfieldSip.Tests.Identity;

public sealed class PhonebookOptionsValidatorTests
{
    private readonly PhonebookOptionsValidator _validator = new();

    [Theory]
    [InlineData("DE")]
    [InlineData("at")]
    [InlineData("CH")]
    public void Known_regions_pass(string region)
    {
        Assert.True(_validator.Validate(null, new PhonebookOptions { DefaultRegion = region }).Succeeded);
    }

    [Theory]
    [InlineData("XX", "Phonebook:DefaultRegion")]
    [InlineData("", "Phonebook:DefaultRegion")]
    [InlineData("Germany", "Phonebook:DefaultRegion")]
    public void Unknown_regions_fail_naming_the_key(string region, string key)
    {
        var result = _validator.Validate(null, new PhonebookOptions { DefaultRegion = region });

        Assert.True(result.Failed);
        Assert.Contains(key, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_path_fails_naming_the_key()
    {
        var result = _validator.Validate(null, new PhonebookOptions { Path = " " });

        Assert.Contains("Phonebook:Path", result.FailureMessage, StringComparison.Ordinal);
    }
}
