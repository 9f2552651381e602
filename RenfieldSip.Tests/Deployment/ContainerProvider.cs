using System.Globalization;
using RenfieldSip.Tests.Sip;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Deployment;

/// <summary>
/// The SIP provider for Asterisk in a container: the real-Asterisk tests' registrar on the docker0 address, and
/// their INVITE sent to the published port 5060 on the registered line.
/// </summary>
internal sealed class ContainerProvider : IAsyncDisposable
{
    public const string Username = "standin-user";
    public const string Password = "standin-pass";

    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    private readonly string _directory = Directory.CreateTempSubdirectory("renfieldsip-provider-").FullName;
    private readonly ProviderRegistrar _registrar;

    private ContainerProvider() => _registrar = new ProviderRegistrar(_directory, DeploymentPrerequisites.DockerHostAddress);

    /// <summary>The value for SIP_REGISTRAR / Parameters:sip-registrar.</summary>
    public string Registrar => _registrar.Registrar;

    public static ContainerProvider Start()
    {
        var provider = new ContainerProvider();
        provider._registrar.Start(Username, Password, grantedExpirySeconds: 300);
        return provider;
    }

    /// <summary>How many REGISTERs the provider accepted so far.</summary>
    public int Registrations => _registrar.Events("REGISTERED").Count;

    /// <summary>Waits for more than <paramref name="after"/> accepted REGISTERs; returns the latest line token.</summary>
    public async Task<string> WaitForRegistrationAsync(CancellationToken cancellationToken, int after = 0)
    {
        await Poll.ForAsync(() => Task.FromResult(Registrations), count => count > after, "Asterisk's REGISTER at the provider", HangGuard, TimeSpan.FromMilliseconds(200), cancellationToken);
        return _registrar.LastLine()!;
    }

    /// <summary>One call on the registered line through the published port; it rings, then the caller cancels.</summary>
    public async Task CallAsync(string line, string caller, string name, CancellationToken cancellationToken)
    {
        var exitCode = await ProviderCalls.CallAsync(
            "127.0.0.1:5060", $"sip:+4930123456@127.0.0.1:5060;line={line}", [(caller, name, "+4930123456")], _directory, HangGuard, cancellationToken);
        Assert.True(exitCode == 0, $"the provider's INVITE was not answered 100/180 and cancelled cleanly (sipp exit {exitCode})");
    }

    /// <summary>
    /// One call that waits for the answering machine and leaves <see cref="SpokenMessage"/>: real RTP from the docker0
    /// address to the media address in Asterisk's answer (the container's own), then BYE.
    /// </summary>
    public async Task LeaveMessageAsync(string line, string caller, string name, CancellationToken cancellationToken)
    {
        var csv = Path.Combine(_directory, $"voicemail-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(csv, ["SEQUENTIAL", $"{caller};{name};+4930123456;X-Renfield-Test: shown;X-Renfield-Test: shown"], cancellationToken);
        var exitCode = await ProviderCalls.SendAsync(
            "127.0.0.1:5060",
            SpokenMessage.Scenario,
            [
                "-inf", csv, "-key", "ruri", $"sip:+4930123456@127.0.0.1:5060;line={line}", "-d", SpokenMessage.GreetingPauseMilliseconds(),
                "-mi", DeploymentPrerequisites.DockerHostAddress, "-mp", FreePorts.Udp().ToString(CultureInfo.InvariantCulture), "-m", "1",
            ],
            "127.0.0.1",
            _directory,
            HangGuard,
            cancellationToken);
        Assert.True(exitCode == 0, $"the caller who waits for the answering machine did not get through greeting, message and BYE (sipp exit {exitCode})");
    }

    public async ValueTask DisposeAsync()
    {
        await _registrar.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
