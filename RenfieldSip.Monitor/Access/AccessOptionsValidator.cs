using Microsoft.Extensions.Options;

namespace RenfieldSip.Monitor.Access;

/// <summary>Stops the host at start with a message naming the key; never echoes the token.</summary>
internal sealed class AccessOptionsValidator : IValidateOptions<AccessOptions>
{
    // What templates, tutorials and .env examples put in place of a secret; whoever copies them copies the secret too.
    internal static readonly string[] Placeholders =
    [
        "changeme", "change-me", "change_me", "your-token", "your_token", "yourtoken", "your-monitor-token", "token",
        "secret", "password", "example", "placeholder", "replace-me", "replaceme", "monitor-token", "xxxxxxxxxxxxxxxx",
    ];

    public ValidateOptionsResult Validate(string? name, AccessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.HasToken)
        {
            var token = options.Token!;
            if (IsPlaceholder(token))
            {
                failures.Add("Access:Token (MONITOR_TOKEN) is a known placeholder; generate one, e.g. openssl rand -hex 24 (value not shown)");
            }
            else if (token.Length < AccessOptions.MinTokenLength)
            {
                failures.Add($"Access:Token (MONITOR_TOKEN) must be at least {AccessOptions.MinTokenLength} characters, e.g. openssl rand -hex 24 (value not shown)");
            }

            if (!IsHeaderSafe(token))
            {
                failures.Add("Access:Token (MONITOR_TOKEN) must be printable ASCII without spaces: it travels in an Authorization header (value not shown)");
            }
        }

        if (options.TestCallsPerWindow < 1 || options.LoginsPerWindow < 1)
        {
            failures.Add("Access:TestCallsPerWindow and Access:LoginsPerWindow must be at least 1");
        }

        if (options.TestCallWindow <= TimeSpan.Zero || options.TestCallWindow > TimeSpan.FromDays(1))
        {
            failures.Add("Access:TestCallWindow must be greater than zero and at most 1.00:00:00");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static bool IsPlaceholder(string token)
    {
        var bare = token.Trim();

        // "your-token-here", "changeme-changeme-1": a placeholder padded to the length is still a placeholder.
        if (bare.StartsWith("your-", StringComparison.OrdinalIgnoreCase) || bare.StartsWith("your_", StringComparison.OrdinalIgnoreCase)
            || bare.Contains("changeme", StringComparison.OrdinalIgnoreCase) || bare.Contains("change-me", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var rest = bare;
        foreach (var placeholder in Placeholders)
        {
            rest = rest.Replace(placeholder, string.Empty, StringComparison.OrdinalIgnoreCase);
        }

        // Nothing but placeholders, separators and digits; or a handful of distinct characters ("xxxx…", "abab…").
        return rest.Trim('-', '_', '.', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9').Length == 0 || bare.Distinct().Count() < 4;
    }

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
