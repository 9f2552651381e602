using System.Runtime.InteropServices;
using RenfieldSip.Tests.Config;

namespace RenfieldSip.Tests.Sip;

/// <summary>
/// What the real-Asterisk tests need on this machine: the stand-in images directory (the Asterisk 20.20.1 tarball and
/// host-asterisk.sh, by default <c>../shared/images</c> beside the repository, or <c>RENFIELDSIP_IMAGES_DIR</c>)
/// and sipp (Debian's sip-tester). Tests skip, naming what is missing, where any of it is not there.
/// </summary>
internal static class SipToolchain
{
    public const string ImagesDirectoryVariable = "RENFIELDSIP_IMAGES_DIR";
    public const string TarballName = "asterisk-20.20.1-bookworm-amd64.tar.gz";

    public static string ImagesDirectory =>
        Environment.GetEnvironmentVariable(ImagesDirectoryVariable) is { Length: > 0 } configured
            ? configured
            : Path.GetFullPath(Path.Combine(RepositoryLayout.Root, "..", "shared", "images"));

    public static string HostAsteriskScript => Path.Combine(ImagesDirectory, "host-asterisk.sh");

    public static string Sipp => new[] { "/usr/bin/sipp", "/usr/local/bin/sipp" }.FirstOrDefault(File.Exists) ?? "sipp";

    public static string Scenario(string name) => RepositoryLayout.PathOf("RenfieldSip.Tests", "Sip", "Scenarios", name);

    /// <summary>Skips the calling test, with the reason, unless a host Asterisk and sipp can run here.</summary>
    public static void SkipUnlessAvailable()
    {
        if (MissingReason() is { } reason)
        {
            Assert.Skip(reason);
        }
    }

    /// <summary>Why a host Asterisk with sipp cannot run here, or null when it can.</summary>
    public static string? MissingReason()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            return $"The Asterisk 20.20.1 tarball is a Debian 12 amd64 build; this is {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}.";
        }

        if (!File.Exists(Path.Combine(ImagesDirectory, TarballName)) || !File.Exists(HostAsteriskScript))
        {
            return $"No {TarballName} and host-asterisk.sh in {ImagesDirectory} (set {ImagesDirectoryVariable} to the stand-in images directory).";
        }

        if (!File.Exists(Sipp))
        {
            return "sipp is not installed (apt-get install sip-tester).";
        }

        return File.Exists("/usr/bin/dpkg-query") ? null : "host-asterisk.sh needs a Debian host (dpkg/apt) for Asterisk's runtime libraries.";
    }
}
