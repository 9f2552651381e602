using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.Ami;

namespace RenfieldSip.Tests.Ami;

public sealed class AmiOptionsValidatorTests
{
    [Fact]
    public void Defaults_with_a_real_secret_are_valid()
    {
        var options = new AmiOptions { Secret = "CallMonitorLab2026" };

        Assert.True(new AmiOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal("127.0.0.1:5038", options.Endpoint);
        Assert.Equal("callmonitor", options.Username);
        Assert.Equal(TimeSpan.FromSeconds(10), options.PingInterval);
        Assert.Equal(TimeSpan.FromSeconds(5), options.PongTimeout);
        Assert.Equal(TimeSpan.FromSeconds(1), options.ReconnectMaxDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), options.LoginRetryDelay);
        Assert.Equal(65536, options.MaxMessageBytes);
    }

    [Theory]
    [InlineData(null, "Ami:Secret (AMI_SECRET) is required")]
    [InlineData("", "Ami:Secret (AMI_SECRET) is required")]
    [InlineData("changeme", "Ami:Secret (AMI_SECRET) is still the placeholder")]
    [InlineData("ChangeMe-AMI-Secret", "Ami:Secret (AMI_SECRET) is still the placeholder")]
    [InlineData("0123456789abcdef", "Ami:Secret (AMI_SECRET) is still the placeholder")]
    [InlineData("7f3a9c21e4b0d85", "Ami:Secret (AMI_SECRET) must be at least 16 characters")]
    public void A_missing_placeholder_or_short_secret_names_the_key(string? secret, string expected)
    {
        var result = new AmiOptionsValidator().Validate(null, new AmiOptions { Secret = secret });

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_of_exactly_16_characters_is_valid() =>
        Assert.True(new AmiOptionsValidator().Validate(null, new AmiOptions { Secret = "7f3a9c21e4b0d85e" }).Succeeded);

    [Fact]
    public void Every_bad_value_is_reported_with_its_key()
    {
        var options = new AmiOptions
        {
            Host = " ",
            Port = 70000,
            Username = "",
            Secret = "ok",
            ConnectTimeout = TimeSpan.Zero,
            PingInterval = TimeSpan.FromSeconds(-1),
            PongTimeout = TimeSpan.Zero,
            ReconnectMaxDelay = TimeSpan.Zero,
            LoginRetryDelay = TimeSpan.Zero,
            MaxMessageBytes = 100,
        };

        var message = new AmiOptionsValidator().Validate(null, options).FailureMessage;

        foreach (var key in new[] { "Ami:Host", "Ami:Port", "Ami:Username", "Ami:Secret", "Ami:ConnectTimeout", "Ami:PingInterval", "Ami:PongTimeout", "Ami:ReconnectMaxDelay", "Ami:LoginRetryDelay", "Ami:MaxMessageBytes" })
        {
            Assert.Contains(key, message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AddAmiClient_refuses_to_start_with_the_placeholder_secret()
    {
        using var host = BuildHost("changeme");

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Ami:Secret (AMI_SECRET)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAmiClient_binds_the_Ami_section_and_registers_status_client_and_health_check()
    {
        using var host = BuildHost("CallMonitorLab2026");

        Assert.Equal("127.0.0.1:5039", host.Services.GetRequiredService<IAmiConnectionStatus>().Endpoint);
        Assert.Same(host.Services.GetRequiredService<AmiConnectionStatus>(), host.Services.GetRequiredService<IAmiConnectionStatus>());
        Assert.Contains(host.Services.GetServices<IHostedService>(), service => service is AmiClient);
        var checks = host.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations;
        Assert.Contains(checks, registration => registration.Name == "ami");
    }

    private static IHost BuildHost(string secret)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Ami:Port"] = "5039", ["Ami:Secret"] = secret });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IAmiEventHandler, Support.AmiRecordingEventHandler>();
        builder.AddAmiClient();
        return builder.Build();
    }
}
