using System.Diagnostics;
using System.Net;

namespace RenfieldSip.Tests.Deployment;

/// <summary>
/// The SIP provider's registrar (sipp, <c>registrar.xml</c>): answers REGISTER with a digest challenge, checks the
/// credentials and writes the registered <c>;line=</c> token to a file. Listens on the docker0 address so that
/// Asterisk in a container reaches it.
/// </summary>
internal sealed class SippRegistrar : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private SippRegistrar(Process process, string directory, IPEndPoint endpoint)
    {
        _process = process;
        _directory = directory;
        Endpoint = endpoint;
    }

    public IPEndPoint Endpoint { get; }

    /// <summary>The value for SIP_REGISTRAR / Parameters:sip-registrar.</summary>
    public string Registrar => $"{Endpoint.Address}:{Endpoint.Port}";

    private string LineFile => Path.Combine(_directory, "line.txt");

    public static SippRegistrar Start(string address, string username, string password)
    {
        var directory = Directory.CreateTempSubdirectory("renfieldsip-registrar-").FullName;
        var endpoint = new IPEndPoint(IPAddress.Parse(address), UdpPort.Free(IPAddress.Parse(address)));
        var startInfo = new ProcessStartInfo("sipp")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var argument in new[]
        {
            "-sf", DeploymentPrerequisites.SippScenario("registrar.xml"), "-i", address, "-p", endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-key", "user", username, "-key", "pass", password, "-key", "linefile", Path.Combine(directory, "line.txt"), "-nostdin",
        })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("sipp did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new SippRegistrar(process, directory, endpoint);
    }

    /// <summary>Forgets the last registration, so that <see cref="WaitForRegistrationAsync"/> waits for a new one.</summary>
    public void ForgetRegistration() => File.Delete(LineFile);

    /// <summary>The <c>;line=</c> token of the next (or last unforgotten) successful REGISTER.</summary>
    public async Task<string> WaitForRegistrationAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            Assert.False(_process.HasExited, $"the sipp registrar exited with {(_process.HasExited ? _process.ExitCode : 0)}");
            if (File.Exists(LineFile) && (await File.ReadAllTextAsync(LineFile, cancellationToken)).Trim() is { Length: > 0 } line)
            {
                return line;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Asterisk did not register at {Registrar} within {timeout}.");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
