using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.Access;
using RenfieldSip.Tests.EndToEnd;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Access;

public sealed class AccessOptionsValidatorTests
{
    [Theory]
    [InlineData("changeme")]
    [InlineData("changeme-changeme-changeme")]
    [InlineData("changeme-3f9c1e0a7b2d4c6e")]
    [InlineData("secret-password-token-123")]
    [InlineData("your-token-here-please")]
    [InlineData("your-monitor-token")]
    [InlineData("xxxxxxxxxxxxxxxxxxxx")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("short-token")]
    [InlineData("token with spaces in it")]
    public void Placeholders_short_tokens_and_spaces_are_refused_naming_the_key(string token)
    {
        var result = new AccessOptionsValidator().Validate(null, new AccessOptions { Token = token });

        Assert.True(result.Failed);
        Assert.Contains("Access:Token (MONITOR_TOKEN)", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(token, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("3f9c1e0a7b2d4c6e8f1a3b5c7d9e0f12")]
    [InlineData(EndToEndHarness.MonitorToken)]
    public void A_generated_token_or_none_is_accepted(string? token) =>
        Assert.False(new AccessOptionsValidator().Validate(null, new AccessOptions { Token = token }).Failed);

    [Fact]
    public async Task The_monitor_does_not_start_with_a_placeholder_token()
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            MonitorUnderTest.StartAsync(new Dictionary<string, string?>
            {
                ["Ami:Secret"] = EndToEndHarness.AmiSecret,
                ["Webhook:Url"] = "http://127.0.0.1:9/api/notifications/webhook",
                ["Access:Token"] = "changeme",
            }, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("Access:Token (MONITOR_TOKEN)", exception.Message, StringComparison.Ordinal);
    }
}
