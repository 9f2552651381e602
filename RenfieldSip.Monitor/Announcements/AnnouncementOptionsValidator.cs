using Microsoft.Extensions.Options;

namespace RenfieldSip.Monitor.Announcements;

/// <summary>
/// Stops the host at start with messages that name the key. Hand-written: the [OptionsValidator] generator of this
/// SDK replaces [Range] with its own copy that drops ErrorMessage, so its messages could not name the key.
/// </summary>
internal sealed class AnnouncementOptionsValidator : IValidateOptions<AnnouncementOptions>
{
    private static readonly TimeSpan MaxDeadline = TimeSpan.FromHours(1);

    public ValidateOptionsResult Validate(string? name, AnnouncementOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Deadline <= TimeSpan.Zero || options.Deadline > MaxDeadline)
        {
            failures.Add("Webhook:Deadline must be positive and at most 01:00:00");
        }

        if (options.MaxConcurrency is < 1 or > 64)
        {
            failures.Add("Webhook:MaxConcurrency must be between 1 and 64");
        }

        if (options.QueueCapacity is < 1 or > 100_000)
        {
            failures.Add("Webhook:QueueCapacity must be between 1 and 100000");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
