using System.Collections;
using Microsoft.Extensions.Configuration;
using RenfieldSip.Monitor.Configuration;

namespace RenfieldSip.Tests.Configuration;

public sealed class SeedEnvironmentAliasesTests
{
    [Fact]
    public void Seed_variables_map_to_option_keys_and_win_over_the_dotnet_form()
    {
        var environment = new Hashtable
        {
            ["AMI_HOST"] = "asterisk",
            ["AMI_PORT"] = "5038",
            ["AMI_USERNAME"] = "callmonitor",
            ["AMI_SECRET"] = "s3cr$t&/x-alias-7d21e",
            ["RENFIELD_WEBHOOK_URL"] = "http://backend:8000/api/notifications/webhook",
            ["RENFIELD_WEBHOOK_TOKEN"] = "tok",
            ["PHONEBOOK_PATH"] = "/config/phonebook.yaml",
        };
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Ami:Host"] = "other" })
            .AddSeedEnvironmentAliases(environment)
            .Build();

        Assert.Equal("asterisk", configuration["Ami:Host"]);
        Assert.Equal("5038", configuration["Ami:Port"]);
        Assert.Equal("callmonitor", configuration["Ami:Username"]);
        Assert.Equal("s3cr$t&/x-alias-7d21e", configuration["Ami:Secret"]);
        Assert.Equal("http://backend:8000/api/notifications/webhook", configuration["Webhook:Url"]);
        Assert.Equal("tok", configuration["Webhook:Token"]);
        Assert.Equal("/config/phonebook.yaml", configuration["Phonebook:Path"]);
    }

    [Fact]
    public void Empty_variable_from_compose_counts_as_unset()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Webhook:Token"] = "from-appsettings" })
            .AddSeedEnvironmentAliases(new Hashtable { ["RENFIELD_WEBHOOK_TOKEN"] = "" })
            .Build();

        Assert.Equal("from-appsettings", configuration["Webhook:Token"]);
    }

    [Fact]
    public void Command_line_still_wins_over_an_alias()
    {
        var builder = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddCommandLine(["--Ami:Host=from-command-line"]);

        var configuration = builder.AddSeedEnvironmentAliases(new Hashtable { ["AMI_HOST"] = "asterisk" }).Build();

        Assert.Equal("from-command-line", configuration["Ami:Host"]);
    }
}
