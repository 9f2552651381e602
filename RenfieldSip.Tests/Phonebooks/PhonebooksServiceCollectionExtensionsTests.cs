using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.Identity;
using RenfieldSip.Monitor.Phonebooks;
using RenfieldSip.Tests.Identity;

namespace RenfieldSip.Tests.Phonebooks;

public sealed class PhonebooksServiceCollectionExtensionsTests
{
    [Fact]
    public async Task The_registered_identifier_reads_the_configured_phonebook()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var host = Build(new() { ["Phonebook:Path"] = IdentityTestData.ShippedPhonebookPath() });
        await host.StartAsync(cancellationToken);

        var identity = host.Services.GetRequiredService<ICallerIdentifier>()
            .Identify("+4917055 55555", null, CallerPresentation.Allowed);

        Assert.Equal("Oma Helga", identity.Name);
        Assert.Equal("phonebook.yaml", identity.Contact?.Source);
        Assert.Same(host.Services.GetRequiredService<PhonebookStore>(), host.Services.GetServices<IHostedService>().OfType<PhonebookStore>().Single());
        await host.StopAsync(cancellationToken);
    }

    [Fact]
    public async Task An_unknown_region_stops_the_start_naming_the_key()
    {
        using var host = Build(new() { ["Phonebook:DefaultRegion"] = "XX" });

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Phonebook:DefaultRegion", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Phonebook:Sources:nextcloud:Url", "ftp://cloud.example.org/dav/", "Phonebook:Sources:nextcloud:Url must be the http(s) URL")]
    [InlineData("Phonebook:Sources:nextcloud:Username", "max", "Phonebook:Sources:nextcloud needs a Path")]
    [InlineData("Phonebook:Sources:export:Type", "outlook", "Phonebook:Sources:export:Type must be vcard, fritzbox or carddav")]
    public async Task A_bad_source_stops_the_start_naming_the_key(string key, string value, string message)
    {
        using var host = Build(new() { [key] = value, ["Phonebook:Sources:export:Path"] = "/tmp/x.vcf" });

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vcard", nameof(PhonebookSourceKind.VCard))]
    [InlineData("FritzBox", nameof(PhonebookSourceKind.FritzBox))]
    [InlineData(" CARDDAV ", nameof(PhonebookSourceKind.CardDav))]
    public void A_source_type_is_bound_in_any_case(string value, string member)
    {
        var kind = Enum.Parse<PhonebookSourceKind>(member);
        using var host = Build(new()
        {
            ["Phonebook:Sources:export:Type"] = value,
            ["Phonebook:Sources:export:Path"] = "/tmp/x.vcf",
            ["Phonebook:Sources:export:Url"] = "https://cloud.example.org/dav/",
        });

        var source = host.Services.GetRequiredService<IOptions<PhonebookSourcesOptions>>().Value.Sources["export"];

        Assert.Equal((kind, kind), (source.Type, source.Kind()));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("vcard,carddav")]
    [InlineData("  ")]
    [InlineData("ldap")]
    public void A_source_type_that_names_no_kind_stops_the_start_naming_the_key_and_the_kinds(string value)
    {
        using var host = Build(new() { ["Phonebook:Sources:export:Type"] = value, ["Phonebook:Sources:export:Path"] = "/tmp/x.vcf" });

        var exception = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<PhonebookSourcesOptions>>().Value);

        Assert.Contains("Phonebook:Sources:export:Type must be vcard, fritzbox or carddav", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_type_the_kind_follows_from_path_or_url()
    {
        using var host = Build(new()
        {
            ["Phonebook:Sources:export:Type"] = "",
            ["Phonebook:Sources:export:Path"] = "/tmp/Telefonbuch.xml",
            ["Phonebook:Sources:nextcloud:Url"] = "https://cloud.example.org/dav/",
        });

        var sources = host.Services.GetRequiredService<IOptions<PhonebookSourcesOptions>>().Value.Sources;

        Assert.Null(sources["export"].Type);
        Assert.Equal(PhonebookSourceKind.FritzBox, sources["export"].Kind());
        Assert.Equal(PhonebookSourceKind.CardDav, sources["nextcloud"].Kind());
    }

    [Fact]
    public void A_source_password_is_never_part_of_the_options_text()
    {
        var options = new PhonebookSourceOptions { Url = "https://max:hunter2@cloud.example.org/dav/?token=x", Username = "max", Password = "s3cret-app-password" };

        var text = options.ToString();

        Assert.DoesNotContain("s3cret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("token", text, StringComparison.Ordinal);
        Assert.Contains("https://cloud.example.org/dav/", text, StringComparison.Ordinal);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddCallerIdentity();
        builder.AddPhonebooks();
        return builder.Build();
    }
}
