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

    public async ValueTask DisposeAsync()
    {
        await _registrar.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
