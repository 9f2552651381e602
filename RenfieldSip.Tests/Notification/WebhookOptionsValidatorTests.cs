using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.Notification;

namespace RenfieldSip.Tests.Notification;

public sealed class WebhookOptionsValidatorTests
{
    private static ValidateOptionsResult Validate(Action<WebhookOptions> configure)
    {
        var options = new WebhookOptions { Url = "http://renfield:8000/api/notifications/webhook", Token = "abc" };
        configure(options);
        return new WebhookOptionsValidator().Validate(null, options);
    }

    [Fact]
    public void Defaults_with_a_url_are_valid()
    {
        Assert.True(Validate(_ => { }).Succeeded);
    }

    [Theory]
    [InlineData(null, "Webhook:Url (RENFIELD_WEBHOOK_URL) is required")]
    [InlineData("renfield:8000/api", "Webhook:Url (RENFIELD_WEBHOOK_URL) must be an absolute http(s) URL")]
    [InlineData("/api/notifications/webhook", "Webhook:Url (RENFIELD_WEBHOOK_URL) must be an absolute http(s) URL")]
    [InlineData("ftp://renfield/api", "Webhook:Url (RENFIELD_WEBHOOK_URL) must be an absolute http(s) URL")]
    public void Url_must_be_absolute_http(string? url, string message)
    {
        var result = Validate(o => o.Url = url);

        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Language", "fr", "Webhook:Language")]
    [InlineData("Urgency", "urgent", "Webhook:Urgency")]
    [InlineData("Room", "101", "Webhook:Room")]
    [InlineData("RequestTimeout", "0", "Webhook:RequestTimeout")]
    public void Each_bad_value_names_its_key(string property, string value, string key)
    {
        var result = Validate(o =>
        {
            switch (property)
            {
                case "Language": o.Language = value; break;
                case "Urgency": o.Urgency = value; break;
                case "Room": o.Room = new string('r', int.Parse(value, System.Globalization.CultureInfo.InvariantCulture)); break;
                case "RequestTimeout": o.RequestTimeout = TimeSpan.FromSeconds(int.Parse(value, System.Globalization.CultureInfo.InvariantCulture)); break;
            }
        });

        Assert.True(result.Failed);
        Assert.StartsWith(key, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("low")]
    [InlineData("critical")]
    [InlineData("auto")]
    public void Every_urgency_Renfield_accepts_is_valid(string urgency)
    {
        Assert.True(Validate(o => o.Urgency = urgency).Succeeded);
    }

    [Theory]
    [InlineData("secret\r\nX-Evil: 1")]
    [InlineData("sec ret")]
    [InlineData("geheimnis-ä")]
    public void A_token_that_cannot_be_a_header_is_refused_without_showing_it(string token)
    {
        var result = Validate(o => o.Token = token);

        Assert.True(result.Failed);
        Assert.Contains("Webhook:Token (RENFIELD_WEBHOOK_TOKEN)", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(token, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_never_shows_the_token()
    {
        var options = new WebhookOptions { Url = "http://user:pw@renfield:8000/api/notifications/webhook?x=1", Token = "super-secret-token" };

        var text = options.ToString();

        Assert.DoesNotContain("super-secret-token", text, StringComparison.Ordinal);
        Assert.DoesNotContain("pw", text, StringComparison.Ordinal);
        Assert.Contains("Token=(set)", text, StringComparison.Ordinal);
        Assert.Contains("http://renfield:8000/api/notifications/webhook", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_url_stops_the_host_at_start_naming_the_key()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Webhook:Token"] = "abc" });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddRenfieldNotification();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Webhook:Url (RENFIELD_WEBHOOK_URL)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Configuration_binds_timespans_and_types()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Webhook:Url"] = "https://renfield.local/api/notifications/webhook",
            ["Webhook:Language"] = "en",
            ["Webhook:Tts"] = "false",
            ["Webhook:RequestTimeout"] = "00:00:07",
        }).Build();
        var options = new WebhookOptions();

        configuration.GetSection(WebhookOptions.SectionName).Bind(options);

        Assert.Equal(RenfieldSip.Monitor.Text.Language.English, options.Wording);
        Assert.False(options.Tts);
        Assert.Equal(TimeSpan.FromSeconds(7), options.RequestTimeout);
        Assert.True(new WebhookOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("Deadline", -1, "Webhook:Deadline")]
    [InlineData("Deadline", 3601, "Webhook:Deadline")]
    [InlineData("MaxConcurrency", 0, "Webhook:MaxConcurrency")]
    [InlineData("MaxConcurrency", 65, "Webhook:MaxConcurrency")]
    [InlineData("QueueCapacity", 0, "Webhook:QueueCapacity")]
    [InlineData("QueueCapacity", 100_001, "Webhook:QueueCapacity")]
    public void Each_bad_pipeline_value_names_its_key(string property, int value, string key)
    {
        var result = Validate(o =>
        {
            switch (property)
            {
                case "Deadline": o.Deadline = TimeSpan.FromSeconds(value); break;
                case "MaxConcurrency": o.MaxConcurrency = value; break;
                default: o.QueueCapacity = value; break;
            }
        });

        Assert.True(result.Failed);
        Assert.StartsWith(key, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pipeline_keys_are_read_from_the_webhook_section_by_its_one_options_class()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Webhook:Url"] = "http://renfield:8000/api/notifications/webhook",
            ["Webhook:Deadline"] = "00:00:09",
            ["Webhook:MaxConcurrency"] = "8",
            ["Webhook:QueueCapacity"] = "16",
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddRenfieldNotification();
        using var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);

        var options = host.Services.GetRequiredService<IOptions<WebhookOptions>>().Value;

        Assert.Equal((TimeSpan.FromSeconds(9), 8, 16), (options.Deadline, options.MaxConcurrency, options.QueueCapacity));
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_bad_queue_capacity_stops_the_host_at_start_naming_the_key()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Webhook:Url"] = "http://renfield:8000/api/notifications/webhook",
            ["Webhook:QueueCapacity"] = "0",
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddRenfieldNotification();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Webhook:QueueCapacity must be between 1 and 100000", error.Message, StringComparison.Ordinal);
    }
}
