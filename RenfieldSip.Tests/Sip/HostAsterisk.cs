using System.Globalization;
using RenfieldSip.Tests.Config;

namespace RenfieldSip.Tests.Sip;

/// <summary>
/// A real Asterisk 20.20.1 for one test: the project's templates rendered by config/asterisk/entrypoint.sh, test
/// overrides applied, then host-asterisk.sh runs it from the tarball in its own instance directory, bound to the
/// test's loopback ports. Disposal stops it with <c>core stop now</c> and kills its PID if it lingers.
/// </summary>
internal sealed class HostAsterisk : IAsyncDisposable
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    private readonly string _directory;
    private int _pid;

    private HostAsterisk(string directory, int sipPort, int amiPort)
    {
        _directory = directory;
        SipPort = sipPort;
        AmiPort = amiPort;
    }

    public int SipPort { get; }

    public int AmiPort { get; }

    public string MessagesLog => Path.Combine(_directory, "opt", "asterisk-lab", "install", "var", "log", "asterisk", "messages.log");

    private string Binary => Path.Combine(_directory, "bin", "asterisk");

    private string ConfigFile => Path.Combine(_directory, "asterisk.conf");

    public static async Task<HostAsterisk> StartAsync(
        IReadOnlyDictionary<string, string?> environment,
        IReadOnlyDictionary<(string Section, string Key), string> pjsipOverrides,
        string pjsipAppendix,
        CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("renfieldsip-ast-").FullName;
        var asterisk = new HostAsterisk(directory, FreePorts.UdpAndTcp(), FreePorts.Tcp());
        try
        {
            using (var entrypoint = new EntrypointHarness())
            {
                var rendered = await entrypoint.RenderAsync(EntrypointShell.SystemShell, environment, cancellationToken);
                Assert.True(rendered.ExitCode == 0, $"entrypoint.sh failed: {rendered.StandardError}");
                AsteriskConfigOverrides.Apply(Path.Combine(entrypoint.TargetDirectory, "pjsip.conf"), pjsipOverrides);
                AsteriskConfigOverrides.Append(Path.Combine(entrypoint.TargetDirectory, "pjsip.conf"), pjsipAppendix);
                var conf = Directory.CreateDirectory(Path.Combine(directory, "rendered")).FullName;
                foreach (var file in Directory.EnumerateFiles(entrypoint.TargetDirectory, "*.conf"))
                {
                    File.Copy(file, Path.Combine(conf, Path.GetFileName(file)));
                }
            }

            var (exitCode, output) = await ToolProcess.RunAsync(
                "/bin/bash",
                [SipToolchain.HostAsteriskScript, directory, Path.Combine(directory, "rendered")],
                directory,
                HangGuard,
                cancellationToken,
                new Dictionary<string, string>
                {
                    ["SIP_BIND"] = $"127.0.0.1:{asterisk.SipPort}",
                    ["AMI_BIND"] = $"127.0.0.1:{asterisk.AmiPort}",
                });
            Assert.True(exitCode == 0, $"host-asterisk.sh failed ({exitCode}):\n{output}");
            var pidFile = Path.Combine(directory, "opt", "asterisk-lab", "install", "var", "run", "asterisk", "asterisk.pid");
            asterisk._pid = int.Parse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture);
            return asterisk;
        }
        catch
        {
            await asterisk.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs a CLI command (<c>asterisk -rx</c>) against this instance.</summary>
    public async Task<string> CommandAsync(string command, CancellationToken cancellationToken)
    {
        var (_, output) = await ToolProcess.RunAsync(Binary, ["-C", ConfigFile, "-rx", command], _directory, TimeSpan.FromSeconds(30), cancellationToken);
        return output;
    }

    public async ValueTask DisposeAsync()
    {
        if (_pid != 0)
        {
            try
            {
                await ToolProcess.RunAsync(Binary, ["-C", ConfigFile, "-rx", "core stop now"], _directory, TimeSpan.FromSeconds(15), CancellationToken.None);
            }
            catch (TimeoutException)
            {
            }

            KillIfAlive(_pid);
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void KillIfAlive(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                process.Kill();
                process.WaitForExit(TimeSpan.FromSeconds(5));
            }
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
        catch (InvalidOperationException)
        {
        }
    }
}
