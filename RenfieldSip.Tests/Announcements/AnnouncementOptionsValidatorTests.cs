using System.Globalization;
using Microsoft.Extensions.Configuration;
using RenfieldSip.Monitor.Announcements;

namespace RenfieldSip.Tests.Announcements;

public sealed class AnnouncementOptionsValidatorTests
{
    private readonly AnnouncementOptionsValidator _validator = new();

    [Fact]
    public void Defaults_are_valid()
    {
        Assert.True(_validator.Validate(null, new AnnouncementOptions()).Succeeded);
    }

    [Theory]
    [InlineData("Deadline", "-1", "Webhook:Deadline")]
    [InlineData("Deadline", "3601", "Webhook:Deadline")]
    [InlineData("MaxConcurrency", "0", "Webhook:MaxConcurrency")]
    [InlineData("MaxConcurrency", "65", "Webhook:MaxConcurrency")]
    [InlineData("QueueCapacity", "0", "Webhook:QueueCapacity")]
    [InlineData("QueueCapacity", "100001", "Webhook:QueueCapacity")]
    public void Each_bad_value_names_its_key(string property, string value, string key)
    {
        var number = int.Parse(value, CultureInfo.InvariantCulture);
        var options = property switch
        {
            "Deadline" => new AnnouncementOptions { Deadline = TimeSpan.FromSeconds(number) },
            "MaxConcurrency" => new AnnouncementOptions { MaxConcurrency = number },
            _ => new AnnouncementOptions { QueueCapacity = number },
        };

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(key, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_keys_are_read_from_the_webhook_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Webhook:MaxConcurrency"] = "8",
            ["Webhook:QueueCapacity"] = "16",
        }).Build();
        var options = new AnnouncementOptions();

        configuration.GetSection(AnnouncementOptions.SectionName).Bind(options);

        Assert.Equal(8, options.MaxConcurrency);
        Assert.Equal(16, options.QueueCapacity);
        Assert.Equal(TimeSpan.FromSeconds(25), options.Deadline);
        Assert.True(_validator.Validate(null, options).Succeeded);
    }
}
