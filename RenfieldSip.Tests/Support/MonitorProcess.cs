using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RenfieldSip.Tests.Support;

/// <summary>
/// The monitor as its own OS process (<c>dotnet RenfieldSip.Monitor.dll</c> from the output directory, or a NativeAOT
/// executable), configured only through environment variables: a crash is an exit, memory and CPU are the process's
/// own, and it can be stopped with SIGTERM like a container runtime does. Always killed (by PID) on dispose. The
/// tests and the load tool (RenfieldSip.Benchmarks links this file) start it the same way.
/// </summary>
internal sealed class MonitorProcess : IAsyncDisposable
{
    // The environment is built from scratch so nothing of the test runner's configuration leaks in; these are
    // only what the dotnet host needs to find itself and a temp directory.
    private static readonly string[] Inherited = ["PATH", "HOME", "TMPDIR", "DOTNET_ROOT", "DOTNET_CLI_TELEMETRY_OPTOUT", "DOTNET_NOLOGO"];

    private static readonly TimeSpan AliveTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _gate = new();

    private MonitorProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the monitor serves HTTP (a free port on 127.0.0.1 chosen at start).</summary>
    public Uri BaseAddress { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Everything the process wrote to stdout and stderr so far (its console log, simple format).</summary>
    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the monitor with <paramref name="environment"/> on top of a bare environment and waits until it answers
    /// GET /alive. <c>ASPNETCORE_URLS</c> is the class's own: it is how <see cref="BaseAddress"/> is known.
    /// </summary>
    /// <param name="environment">The monitor's configuration.</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    /// <param name="monitorPath">RenfieldSip.Monitor.dll, or a NativeAOT executable; by default the dll next to this assembly.</param>
    public static async Task<MonitorProcess> StartAsync(IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken, string? monitorPath = null)
    {
        if (environment.ContainsKey("ASPNETCORE_URLS"))
        {
            throw new ArgumentException("ASPNETCORE_URLS is chosen by MonitorProcess (see BaseAddress).", nameof(environment));
        }

        var address = "http://127.0.0.1:" + FreePort().ToString(CultureInfo.InvariantCulture);
        var path = Path.GetFullPath(monitorPath ?? Path.Combine(AppContext.BaseDirectory, "RenfieldSip.Monitor.dll"));
        var isDll = path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var startInfo = new ProcessStartInfo(isDll ? Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet" : path)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(path)!,
        };
        if (isDll)
        {
            startInfo.ArgumentList.Add(path);
        }

        startInfo.Environment.Clear();
        foreach (var name in Inherited)
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                startInfo.Environment[name] = value;
            }
        }

        startInfo.Environment["ASPNETCORE_URLS"] = address;

        // Tests read the console log for "[EventId]"; that is the simple formatter's shape.
        startInfo.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        var process = new Process { StartInfo = startInfo };
        var monitor = new MonitorProcess(process, new Uri(address));
        process.OutputDataReceived += (_, e) => monitor.Append(e.Data);
        process.ErrorDataReceived += (_, e) => monitor.Append(e.Data);
        try
        {
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await monitor.WaitUntilAliveAsync(cancellationToken);
            return monitor;
        }
        catch
        {
            await monitor.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends SIGTERM (what <c>docker stop</c> sends); Process.Kill would be SIGKILL.</summary>
    public async Task TerminateAsync(CancellationToken cancellationToken)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", Id.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false })!;
        await kill.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -TERM {Id} exited with {kill.ExitCode}");
        }
    }

    /// <summary>Waits for the process to end; throws <see cref="TimeoutException"/> when it does not in time.</summary>
    public async Task WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken).WaitAsync(timeout, cancellationToken);

        // The parameterless wait also drains the redirected output.
        _process.WaitForExit();
    }

    /// <summary>The last <paramref name="count"/> lines of <see cref="Output"/>, to show why a run failed.</summary>
    public IReadOnlyList<string> LastLines(int count = 40) =>
        [.. Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(count).Select(line => line.TrimEnd('\r'))];

    /// <summary>User and system CPU so far; zero once the process is gone.</summary>
    public (TimeSpan User, TimeSpan System) CpuTime()
    {
        try
        {
            _process.Refresh();
            return (_process.UserProcessorTime, _process.PrivilegedProcessorTime);
        }
        catch (InvalidOperationException)
        {
            return (TimeSpan.Zero, TimeSpan.Zero);
        }
    }

    /// <summary>Working set of the process right now (refreshed).</summary>
    public long WorkingSet()
    {
        _process.Refresh();
        return _process.WorkingSet64;
    }

    public long PeakWorkingSet()
    {
        _process.Refresh();
        return _process.PeakWorkingSet64;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitUntilAliveAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            // Start-up has no signal to await from outside the process; polling /alive with a deadline is the probe.
            await Poll.UntilAsync(
                async () =>
                {
                    if (_process.HasExited)
                    {
                        throw new InvalidOperationException($"The monitor exited with {_process.ExitCode}:\n{Output}");
                    }

                    try
                    {
                        using var response = await client.GetAsync(new Uri("/alive", UriKind.Relative), cancellationToken);
                        return response.IsSuccessStatusCode;
                    }
                    catch (HttpRequestException)
                    {
                        return false; // Not listening yet.
                    }
                    catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
                    {
                        // A listening process that does not answer in time is a failure, not a reason to ask again.
                        throw new TimeoutException("GET /alive got no answer within " + client.Timeout, e);
                    }
                },
                "the monitor to answer /alive",
                AliveTimeout,
                cancellationToken);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\n{Output}", e);
        }
    }
}
