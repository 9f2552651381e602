using Microsoft.Extensions.Options;

namespace RenfieldSip.Monitor.Voicemail;

/// <summary>Stops the host at start with messages that name the key.</summary>
[OptionsValidator]
internal sealed partial class VoicemailOptionsValidator : IValidateOptions<VoicemailOptions>;
