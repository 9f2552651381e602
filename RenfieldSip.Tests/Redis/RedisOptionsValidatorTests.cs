using RenfieldSip.Monitor.Redis;

namespace RenfieldSip.Tests.Redis;

public sealed class RedisOptionsValidatorTests
{
    private readonly RedisOptionsValidator _validator = new();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("localhost:6379,password=x")]
    public void No_redis_or_a_configuration_naming_an_endpoint_passes(string? connectionString)
    {
        Assert.True(_validator.Validate(null, new RedisOptions { ConnectionString = connectionString }).Succeeded);
    }

    [Fact]
    public void A_bad_connection_string_fails_without_echoing_it()
    {
        var result = _validator.Validate(null, new RedisOptions { ConnectionString = "localhost,password=s3cret,nosuchoption=1" });

        Assert.Contains("ConnectionStrings:redis", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", result.FailureMessage, StringComparison.Ordinal);
    }
}
