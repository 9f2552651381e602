using Microsoft.Extensions.Options;

namespace RenfieldSip.Monitor.History;

/// <summary>Stops the host at start with messages that name the key.</summary>
[OptionsValidator]
internal sealed partial class HistoryOptionsValidator : IValidateOptions<HistoryOptions>;
