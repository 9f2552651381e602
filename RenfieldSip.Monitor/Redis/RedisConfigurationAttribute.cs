using System.ComponentModel.DataAnnotations;
using StackExchange.Redis;

namespace RenfieldSip.Monitor.Redis;

/// <summary>Empty (no Redis), or a StackExchange.Redis configuration naming at least one endpoint.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class RedisConfigurationAttribute : ValidationAttribute
{
    public override bool IsValid(object? value)
    {
        if (value is not string configuration || string.IsNullOrWhiteSpace(configuration))
        {
            return true;
        }

        try
        {
            return ConfigurationOptions.Parse(configuration).EndPoints.Count > 0;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
