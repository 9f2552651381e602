using StackExchange.Redis;

namespace RenfieldSip.Monitor.Dedup;

/// <summary>
/// The window shared by every monitor on one Redis: <c>SET prefix+key 1 NX PX window</c>. Throws on any Redis
/// failure; <see cref="ResilientDedupStore"/> decides what happens then.
/// </summary>
internal sealed class RedisDedupStore(IConnectionMultiplexer connection, string keyPrefix, TimeSpan window)
{
    public Task<bool> TryClaimAsync(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return connection.GetDatabase().StringSetAsync(keyPrefix + key, "1", window, When.NotExists);
    }
}
