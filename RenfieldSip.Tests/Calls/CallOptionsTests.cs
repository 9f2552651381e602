using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.Calls;

namespace RenfieldSip.Tests.Calls;

/// <summary><c>Calls:InboundContexts</c> in the forms the docs give: unset, one comma-separated value (the environment's form), a list.</summary>
public sealed class CallOptionsTests
{
    [Fact]
    public void Unset_the_inbound_context_is_the_shipped_dialplans()
    {
        Assert.Equal(["incoming-calls"], Bound(new Dictionary<string, string?>()).InboundContexts);
    }

    [Fact]
    public void The_documented_environment_variable_with_commas_names_each_context()
    {
        // A prefix of this test's own: the process's environment is shared, the variable's shape is the documented one.
        var prefix = "RENFIELDSIP_TEST_" + Guid.NewGuid().ToString("N") + "_";
        Environment.SetEnvironmentVariable(prefix + "Calls__InboundContexts", "incoming-calls, from-office,,");
        try
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build();

            Assert.Equal(["incoming-calls", "from-office"], Bound(configuration).InboundContexts);
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "Calls__InboundContexts", null);
        }
    }

    [Fact]
    public void A_list_replaces_the_default_rather_than_adding_to_it()
    {
        var options = Bound(new Dictionary<string, string?> { ["Calls:InboundContexts:0"] = "from-trunk", ["Calls:InboundContexts:1"] = " from-office " });

        Assert.Equal(["from-trunk", "from-office"], options.InboundContexts);
    }

    [Theory]
    [InlineData("Calls:InboundContexts", " , ")]
    [InlineData("Calls:InboundContexts:0", "from trunk")]
    public void No_usable_context_stops_the_start_naming_the_key(string key, string value)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bound(new Dictionary<string, string?> { [key] = value }));

        Assert.Contains("Calls:InboundContexts must name at least one dialplan context", error.Message, StringComparison.Ordinal);
    }

    private static CallOptions Bound(Dictionary<string, string?> settings) =>
        Bound(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

    private static CallOptions Bound(IConfiguration configuration)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddConfiguration(configuration);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddCallTracking();
        using var host = builder.Build();
        return host.Services.GetRequiredService<IOptions<CallOptions>>().Value;
    }
}
