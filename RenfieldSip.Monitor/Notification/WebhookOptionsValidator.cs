using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.Text;

namespace RenfieldSip.Monitor.Notification;

/// <summary>Stops the host at start with a message naming the key; never echoes the token or the URL (it may hold credentials).</summary>
internal sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    internal static readonly string[] Urgencies = ["critical", "info", "low", "auto"];
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(1);

    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (string.IsNullOrWhiteSpace(options.Url))
        {
            failures.Add("Webhook:Url (RENFIELD_WEBHOOK_URL) is required, e.g. http://renfield:8000/api/notifications/webhook");
        }
        else if (!Uri.TryCreate(options.Url.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add("Webhook:Url (RENFIELD_WEBHOOK_URL) must be an absolute http(s) URL");
        }

        if (options.HasToken && !IsHeaderSafe(options.Token!.Trim()))
        {
            failures.Add("Webhook:Token (RENFIELD_WEBHOOK_TOKEN) must be printable ASCII without spaces (value not shown)");
        }

        if (!LanguageCode.TryParse(options.Language, out _))
        {
            failures.Add("Webhook:Language must be \"de\" or \"en\"");
        }

        if (!Urgencies.Contains(options.Urgency, StringComparer.Ordinal))
        {
            failures.Add("Webhook:Urgency must be one of critical, info, low, auto (Renfield rejects anything else)");
        }

        if (options.Room is { Length: > 100 })
        {
            failures.Add("Webhook:Room must be at most 100 characters (Renfield's limit)");
        }

        if (options.RequestTimeout <= TimeSpan.Zero || options.RequestTimeout > MaxTimeout)
        {
            failures.Add("Webhook:RequestTimeout must be positive and at most 01:00:00");
        }

        if (options.Deadline <= TimeSpan.Zero || options.Deadline > MaxTimeout)
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

    // HttpClient would throw on CR/LF or non-ASCII in a header, with the value in the message: refuse it up front.
    private static bool IsHeaderSafe(string token)
    {
        foreach (var c in token)
        {
            if (c is <= ' ' or > '~')
            {
                return false;
            }
        }

        return true;
    }
}
