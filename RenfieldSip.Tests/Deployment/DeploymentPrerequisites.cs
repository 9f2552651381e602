using RenfieldSip.Tests.Config;
using RenfieldSip.Tests.Sip;

namespace RenfieldSip.Tests.Deployment;

/// <summary>
/// What the container tiers need: a Docker engine with a CLI that Aspire's DCP accepts, the stand-in images under
/// the names the project uses (<c>../shared/images/build.sh</c>) and sipp. Each test skips with the missing piece
/// named where one is absent.
/// </summary>
internal static class DeploymentPrerequisites
{
    public const string AsteriskImage = "andrius/asterisk:20.18.2_debian-trixie";
    public const string RedisImage = "docker.io/library/redis:8.6";

    /// <summary>The docker0 bridge address: reachable from every container, and only from this machine.</summary>
    public const string DockerHostAddress = "172.17.0.1";

    private static readonly Lazy<Task<string?>> Missing = new(FindMissingAsync);

    /// <summary>Skips the calling test, naming what is missing, unless Docker, the images and sipp are all here.</summary>
    public static async Task RequireAsync(params string[] images)
    {
        var missing = await Missing.Value;
        if (missing is null)
        {
            foreach (var image in images)
            {
                var inspect = await Docker.RunAsync(["image", "inspect", "--format", "{{.Id}}", image], TimeSpan.FromSeconds(30));
                if (inspect.ExitCode != 0)
                {
                    missing = $"the image {image} is not present (build the stand-ins: bash ../shared/images/build.sh)";
                    break;
                }
            }
        }

        if (missing is not null)
        {
            Assert.Skip($"Needs Docker: {missing}.");
        }
    }

    private static async Task<string?> FindMissingAsync()
    {
        if (!File.Exists(SipToolchain.Sipp))
        {
            return "sipp is not installed (apt-get install sip-tester)";
        }

        ProcessResult version;
        try
        {
            version = await Docker.RunAsync(["version", "--format", "{{.Client.Version}} {{.Server.Version}}"], TimeSpan.FromSeconds(30));
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "no docker CLI on PATH";
        }

        if (version.ExitCode != 0)
        {
            return "no Docker engine answers (start dockerd)";
        }

        var client = version.StandardOutput.Split(' ')[0];
        if (!Version.TryParse(client, out var clientVersion) || clientVersion.Major < 25)
        {
            return $"the docker CLI on PATH is {client}; Aspire's DCP needs 25 or newer (put /usr/local/bin before /usr/bin)";
        }

        return null;
    }
}
