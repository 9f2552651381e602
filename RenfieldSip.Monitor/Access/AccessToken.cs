using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace RenfieldSip.Monitor.Access;

/// <summary>
/// The configured token, held only as hashes. Comparisons hash the candidate and compare the hashes in constant time,
/// so neither the length nor a common prefix of a wrong guess shows in how long the answer takes.
/// </summary>
internal sealed class AccessToken
{
    private const string SessionPurpose = "renfieldsip monitor session v1";
    private const string DedupPurpose = "renfieldsip dedup key v1";

    private readonly byte[]? _tokenHash;
    private readonly byte[]? _sessionHash;

    public AccessToken(IOptions<AccessOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Value.Token is { Length: > 0 } token)
        {
            var bytes = Encoding.UTF8.GetBytes(token);
            _tokenHash = SHA256.HashData(bytes);

            // The cookie carries a value derived from the token, never the token: a stolen cookie does not open the
            // APIs, and changing the token ends every session.
            SessionValue = Base64Url(HMACSHA256.HashData(bytes, Encoding.UTF8.GetBytes(SessionPurpose)));
            _sessionHash = SHA256.HashData(Encoding.UTF8.GetBytes(SessionValue));
            DedupKey = HMACSHA256.HashData(bytes, Encoding.UTF8.GetBytes(DedupPurpose));
        }
    }

    public bool IsConfigured => _tokenHash is not null;

    /// <summary>What the session cookie holds; null without a token.</summary>
    public string? SessionValue { get; }

    /// <summary>A key for hashing numbers, derived from the token (so every monitor of one installation shares it); null without a token.</summary>
    public byte[]? DedupKey { get; }

    public bool Matches(string? candidate) => Equal(_tokenHash, candidate);

    public bool MatchesSession(string? candidate) => Equal(_sessionHash, candidate);

    private static bool Equal(byte[]? expectedHash, string? candidate)
    {
        if (expectedHash is null || string.IsNullOrEmpty(candidate))
        {
            return false;
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(candidate), hash);
        return CryptographicOperations.FixedTimeEquals(hash, expectedHash);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
