using RenfieldSip.Monitor.Dedup;

namespace RenfieldSip.Tests.Dedup;

public sealed class DedupOptionsValidatorTests
{
    private readonly DedupOptionsValidator _validator = new();

    [Fact]
    public void The_defaults_pass()
    {
        Assert.True(_validator.Validate(null, new DedupOptions()).Succeeded);
    }

    [Theory]
    [InlineData("00:00:00", null, "Dedup:Window")]
    [InlineData("-00:00:01", null, "Dedup:Window")]
    [InlineData("1.00:00:01", null, "Dedup:Window")]
    [InlineData("00:00:30", "", "Dedup:KeyPrefix")]
    public void Bad_values_fail_naming_the_key(string window, string? prefix, string key)
    {
        var options = new DedupOptions { Window = TimeSpan.Parse(window, System.Globalization.CultureInfo.InvariantCulture) };
        if (prefix is not null)
        {
            options.KeyPrefix = prefix;
        }

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(key, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zero_redis_timeout_fails_naming_the_key()
    {
        var result = _validator.Validate(null, new DedupOptions { RedisTimeout = TimeSpan.Zero });

        Assert.Contains("Dedup:RedisTimeout", result.FailureMessage, StringComparison.Ordinal);
    }
}
