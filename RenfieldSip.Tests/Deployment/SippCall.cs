using System.Globalization;
using System.Net;
using RenfieldSip.Tests.Config;

namespace RenfieldSip.Tests.Deployment;

/// <summary>
/// One INVITE from the provider to the registered line (sipp, <c>invite-line.xml</c>), by default from "Max Mustermann",
/// +49 170 1234567, to +4930123456; it rings for 2 s and is cancelled.
/// </summary>
internal static class SippCall
{
    public static async Task PlaceAsync(string line, CancellationToken cancellationToken) =>
        await PlaceAsync(line, DeploymentPrerequisites.SippScenario("callers.csv"), cancellationToken);

    /// <summary>A call from another caller: <paramref name="callers"/> is a sipp injection file (number;name;DID).</summary>
    public static async Task PlaceAsync(string line, string callers, CancellationToken cancellationToken)
    {
        var result = await ExternalProcess.RunAsync(
            "sipp",
            [
                "127.0.0.1:5060", "-sf", DeploymentPrerequisites.SippScenario("invite-line.xml"),
                "-inf", callers, "-key", "line", line,
                "-i", "127.0.0.1", "-p", UdpPort.Free(IPAddress.Loopback).ToString(CultureInfo.InvariantCulture), "-m", "1", "-nostdin", "-timeout", "30s",
            ],
            new Dictionary<string, string?>(),
            Path.GetTempPath(),
            cancellationToken,
            TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 0, $"sipp's call was not answered 100/180 and cancelled cleanly (exit {result.ExitCode}):\n{result.StandardOutput[^Math.Min(2000, result.StandardOutput.Length)..]}\n{result.StandardError}");
    }
}
