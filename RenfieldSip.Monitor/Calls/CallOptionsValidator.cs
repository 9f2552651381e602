using Microsoft.Extensions.Options;

namespace RenfieldSip.Monitor.Calls;

internal sealed class CallOptionsValidator : IValidateOptions<CallOptions>
{
    public ValidateOptionsResult Validate(string? name, CallOptions options)
    {
        var failures = new List<string>();
        if (options.ParseInboundContexts().Count == 0)
        {
            failures.Add("Calls:InboundContexts must name at least one dialplan context (default: incoming-calls).");
        }

        if (string.IsNullOrWhiteSpace(options.IdentityEvent) || options.IdentityEvent.AsSpan().ContainsAny('\r', '\n', ':'))
        {
            failures.Add("Calls:IdentityEvent must be a UserEvent name without ':' or line breaks (default: RenfieldIncomingCall).");
        }

        if (options.SettleTimeout <= TimeSpan.Zero || options.SettleTimeout > TimeSpan.FromSeconds(30))
        {
            failures.Add("Calls:SettleTimeout must be between 00:00:00 and 00:00:30 (exclusive of zero); default 00:00:01.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
