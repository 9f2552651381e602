using Microsoft.Extensions.Options;

namespace RenfieldSip.Monitor.Dedup;

/// <summary>Stops the host at start with messages that name the key; never echoes the connection string (it may hold the password).</summary>
[OptionsValidator]
internal sealed partial class DedupOptionsValidator : IValidateOptions<DedupOptions>;
