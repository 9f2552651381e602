namespace RenfieldSip.Monitor.Ami;

/// <summary>
/// What an AMI secret must be. AMI's Newchannel carries the real number of a withheld caller, so a guessable secret
/// is a leak; config/asterisk/entrypoint.sh applies the same length and list to the Asterisk side.
/// </summary>
internal static class AmiSecretPolicy
{
    /// <summary>Sixteen characters: the shortest the entrypoint accepts as well (openssl rand -hex 24 gives 48).</summary>
    public const int MinimumLength = 16;

    /// <summary>Example values from docs and samples that are long enough but known to everyone (compared case-insensitively).</summary>
    public static readonly IReadOnlySet<string> Placeholders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "changeme",
        "changeme-ami-secret",
        "your-ami-secret",
        "your-ami-secret-here",
        "0123456789abcdef",
        "0123456789abcdef0123456789abcdef",
    };
}
