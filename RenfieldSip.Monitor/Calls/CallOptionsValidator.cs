using Microsoft.Extensions.Options;

namespace RenfieldSip.Monitor.Calls;

/// <summary>Stops the host at start with messages that name the key.</summary>
[OptionsValidator]
internal sealed partial class CallOptionsValidator : IValidateOptions<CallOptions>;
