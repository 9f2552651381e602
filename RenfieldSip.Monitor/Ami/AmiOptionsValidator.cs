using Microsoft.Extensions.Options;

namespace RenfieldSip.Monitor.Ami;

/// <summary>Stops the host at start with messages that name the key a user has to fix.</summary>
internal sealed class AmiOptionsValidator : IValidateOptions<AmiOptions>
{
    internal const int MinMessageBytes = 1024;
    internal const int MaxMessageBytesLimit = 16 * 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, AmiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (string.IsNullOrWhiteSpace(options.Host))
        {
            failures.Add("Ami:Host (AMI_HOST) must not be empty.");
        }

        if (options.Port is < 1 or > 65535)
        {
            failures.Add("Ami:Port (AMI_PORT) must be between 1 and 65535.");
        }

        if (string.IsNullOrWhiteSpace(options.Username))
        {
            failures.Add("Ami:Username (AMI_USERNAME) must not be empty.");
        }
        else if (options.Username.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            failures.Add("Ami:Username (AMI_USERNAME) must not contain line breaks.");
        }

        if (string.IsNullOrEmpty(options.Secret))
        {
            failures.Add("Ami:Secret (AMI_SECRET) is required: set it to the secret of the manager.conf user.");
        }
        else if (AmiSecretPolicy.Placeholders.Contains(options.Secret))
        {
            failures.Add($"Ami:Secret (AMI_SECRET) is still the placeholder '{options.Secret}': set a real secret (e.g. openssl rand -hex 24) in Asterisk and here.");
        }
        else if (options.Secret.Length < AmiSecretPolicy.MinimumLength)
        {
            failures.Add($"Ami:Secret (AMI_SECRET) must be at least {AmiSecretPolicy.MinimumLength} characters long (e.g. openssl rand -hex 24).");
        }
        else if (options.Secret.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            failures.Add("Ami:Secret (AMI_SECRET) must not contain line breaks.");
        }

        RequirePositive(failures, options.ConnectTimeout, "Ami:ConnectTimeout");
        RequirePositive(failures, options.PingInterval, "Ami:PingInterval");
        RequirePositive(failures, options.PongTimeout, "Ami:PongTimeout");
        RequirePositive(failures, options.ReconnectMaxDelay, "Ami:ReconnectMaxDelay");
        RequirePositive(failures, options.LoginRetryDelay, "Ami:LoginRetryDelay");
        RequirePositive(failures, options.LoginRetryMaxDelay, "Ami:LoginRetryMaxDelay");

        if (options.MaxMessageBytes is < MinMessageBytes or > MaxMessageBytesLimit)
        {
            failures.Add($"Ami:MaxMessageBytes must be between {MinMessageBytes} and {MaxMessageBytesLimit}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequirePositive(List<string> failures, TimeSpan value, string key)
    {
        // Task.Delay and timers reject values beyond ~49 days; nothing sensible is that long anyway.
        if (value <= TimeSpan.Zero || value > TimeSpan.FromDays(1))
        {
            failures.Add($"{key} must be a positive time span of at most one day (for example 00:00:05).");
        }
    }
}
