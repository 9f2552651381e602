using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.Access;

namespace RenfieldSip.Monitor.Dedup;

/// <summary>
/// Dedup keys name callers by number; stored as they are, a Redis dump would list who called. Each key is replaced
/// by an HMAC-SHA256 under a key Redis never sees: <c>Dedup:HashKey</c> when set, else one derived from the monitor's
/// token (so every monitor of one installation shares it), else a random one for this process only.
/// </summary>
internal sealed class DedupKeyHasher
{
    private readonly byte[] _key;

    public DedupKeyHasher(IOptions<DedupOptions> options, AccessToken token)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(token);
        _key = options.Value.HashKey is { Length: > 0 } configured
            ? Encoding.UTF8.GetBytes(configured)
            : token.DedupKey ?? RandomNumberGenerator.GetBytes(32);
    }

    /// <summary>128 bits of the HMAC in hex: collisions stay out of reach, keys stay short.</summary>
    public string Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(key), mac);
        return Convert.ToHexStringLower(mac[..16]);
    }
}
