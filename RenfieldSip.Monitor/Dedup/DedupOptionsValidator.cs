using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace RenfieldSip.Monitor.Dedup;

internal sealed class DedupOptionsValidator : IValidateOptions<DedupOptions>
{
    private static readonly TimeSpan MaxWindow = TimeSpan.FromDays(1);
    private static readonly TimeSpan MaxRedisTimeout = TimeSpan.FromSeconds(30);

    public ValidateOptionsResult Validate(string? name, DedupOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Window <= TimeSpan.Zero || options.Window > MaxWindow)
        {
            failures.Add("Dedup:Window must be greater than zero and at most 1.00:00:00 (one day)");
        }

        if (string.IsNullOrEmpty(options.KeyPrefix))
        {
            failures.Add("Dedup:KeyPrefix must not be empty");
        }

        if (options.RedisTimeout <= TimeSpan.Zero || options.RedisTimeout > MaxRedisTimeout)
        {
            failures.Add("Dedup:RedisTimeout must be greater than zero and at most 00:00:30");
        }

        if (!string.IsNullOrWhiteSpace(options.RedisConnectionString) && !IsValidConnectionString(options.RedisConnectionString))
        {
            // The value itself is not repeated: it may carry the Redis password.
            failures.Add("ConnectionStrings:redis must be a StackExchange.Redis configuration such as localhost:6379");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsValidConnectionString(string connectionString)
    {
        try
        {
            return ConfigurationOptions.Parse(connectionString).EndPoints.Count > 0;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
