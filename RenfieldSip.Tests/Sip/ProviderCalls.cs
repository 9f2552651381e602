using System.Globalization;

namespace RenfieldSip.Tests.Sip;

/// <summary>
/// The SIP provider's side of a call: sipp running one of the provider scenarios against an Asterisk, for the
/// real-Asterisk tests and for the containers of the AppHost and the compose deployment alike.
/// </summary>
internal static class ProviderCalls
{
    /// <summary>Runs a provider scenario; returns sipp's exit code (0: every call went as scripted).</summary>
    public static async Task<int> SendAsync(
        string asterisk, string scenario, IReadOnlyList<string> arguments, string sourceAddress, string directory, TimeSpan hangGuard, CancellationToken cancellationToken)
    {
        string[] command =
        [
            asterisk, "-sf", SipToolchain.Scenario(scenario),
            "-i", sourceAddress, "-p", FreePorts.Udp().ToString(CultureInfo.InvariantCulture), "-nostdin", .. arguments,
        ];
        var (exitCode, _) = await ToolProcess.RunAsync(SipToolchain.Sipp, command, directory, hangGuard, cancellationToken);
        return exitCode;
    }

    /// <summary>
    /// Calls from the provider, one per CSV row (caller;name;DID), all at once; Request-URI <paramref name="requestUri"/>;
    /// <paramref name="scenario"/> decides where the caller is (From, P-Asserted-Identity, withheld); sent from <paramref name="sourceAddress"/>.
    /// </summary>
    public static async Task<int> CallAsync(
        string asterisk,
        string requestUri,
        IReadOnlyList<(string Caller, string Name, string Did)> calls,
        string directory,
        TimeSpan hangGuard,
        CancellationToken cancellationToken,
        string scenario = "provider-invite.xml",
        string sourceAddress = "127.0.0.1")
    {
        var csv = Path.Combine(directory, $"calls-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(csv, ["SEQUENTIAL", .. calls.Select(c => $"{c.Caller};{c.Name};{c.Did}")], cancellationToken);
        var count = calls.Count.ToString(CultureInfo.InvariantCulture);
        return await SendAsync(
            asterisk,
            scenario,
            ["-inf", csv, "-key", "ruri", requestUri, "-m", count, "-l", count, "-r", count, "-rp", "1000"],
            sourceAddress,
            directory,
            hangGuard,
            cancellationToken);
    }
}
