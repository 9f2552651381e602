using Microsoft.Extensions.Options;

namespace RenfieldSip.Monitor.Redis;

/// <summary>Stops the host at start naming <c>ConnectionStrings:redis</c>; never echoes the connection string (it may hold the password).</summary>
[OptionsValidator]
internal sealed partial class RedisOptionsValidator : IValidateOptions<RedisOptions>;
