using Microsoft.Extensions.Options;

namespace RenfieldSip.Monitor.Identity;

/// <summary>Stops the host at start with messages that name the key.</summary>
[OptionsValidator]
internal sealed partial class PhonebookOptionsValidator : IValidateOptions<PhonebookOptions>;
