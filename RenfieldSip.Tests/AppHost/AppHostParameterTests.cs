using Aspire.Hosting.ApplicationModel;

namespace RenfieldSip.Tests.AppHost;

/// <summary>Every parameter is read from <c>Parameters:&lt;name&gt;</c>, defaults included.</summary>
public sealed class AppHostParameterTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("sip-registrar", "registrar.example.net:5070")]
    [InlineData("sip-username", "4711e0")]
    [InlineData("sip-password", "p@ss;word")]
    [InlineData("ami-secret", "configured-ami-secret-abcdefghijklmnop")]
    [InlineData("webhook-url", "http://renfield.lan:8000/api/notifications/webhook")]
    [InlineData("webhook-token", "configured-webhook-token")]
    public async Task A_configured_parameter_is_the_value_the_app_uses(string name, string value)
    {
        await using var app = await AppModel.BuildAsync(new Dictionary<string, string> { [name] = value }, Cancellation);

        Assert.Equal(value, await app.Resource<ParameterResource>(name).GetValueAsync(Cancellation));
    }

    [Fact]
    public async Task The_registrar_defaults_to_sipgate()
    {
        await using var app = await AppModel.BuildAsync(cancellationToken: Cancellation);

        Assert.Equal("sipconnect.sipgate.de", await app.Resource<ParameterResource>("sip-registrar").GetValueAsync(Cancellation));
    }

    [Fact]
    public async Task The_Asterisk_image_and_tag_are_configurable()
    {
        await using var app = await AppModel.BuildAsync(
            new Dictionary<string, string> { ["asterisk-image"] = "renfieldsip-standin/asterisk", ["asterisk-tag"] = "20.20.1" },
            Cancellation);

        var image = app.Resource("asterisk").Annotations.OfType<ContainerImageAnnotation>().Single();
        Assert.Equal(("renfieldsip-standin/asterisk", "20.20.1"), (image.Image, image.Tag));
    }

    [Fact]
    public async Task A_CardDAV_address_book_is_passed_to_the_monitor_once_its_URL_is_set_with_the_password_as_a_secret()
    {
        await using var app = await AppModel.BuildAsync(
            new Dictionary<string, string>
            {
                ["carddav-url"] = "https://cloud.example.org/remote.php/dav/addressbooks/users/max/contacts/",
                ["carddav-username"] = "max",
                ["carddav-password"] = "app-password",
            },
            Cancellation);
        var environment = await app.EnvironmentAsync("monitor", Cancellation);

        Assert.Equal("carddav-url", Assert.IsType<ParameterResource>(environment["PHONEBOOK_CARDDAV_URL"]).Name);
        Assert.Equal("carddav-username", Assert.IsType<ParameterResource>(environment["PHONEBOOK_CARDDAV_USERNAME"]).Name);
        var password = Assert.IsType<ParameterResource>(environment["PHONEBOOK_CARDDAV_PASSWORD"]);
        Assert.True(password.Secret, "carddav-password must be a secret parameter");
        Assert.Equal("app-password", await password.GetValueAsync(Cancellation));
        Assert.All(environment.Keys, key => Assert.True(Config.MonitorConfigurationKeys.IsReadByMonitor(key), $"the AppHost passes {key}, which the monitor does not read"));
    }

    [Fact]
    public async Task Without_a_CardDAV_URL_there_are_no_CardDAV_parameters_to_ask_for()
    {
        await using var app = await AppModel.BuildAsync(cancellationToken: Cancellation);
        var environment = await app.EnvironmentAsync("monitor", Cancellation);

        Assert.DoesNotContain(environment.Keys, key => key.Contains("CARDDAV", StringComparison.Ordinal));
        Assert.Throws<InvalidOperationException>(() => app.Resource("carddav-password"));
    }
}
