using System.Diagnostics;

namespace RenfieldSip.Benchmarks.Load;

/// <summary>
/// The monitor as its own process (<c>dotnet RenfieldSip.Monitor.dll</c>), configured only through the
/// environment a deployment would give it. Only this process is ever killed, by its PID.
/// </summary>
internal sealed class MonitorProcess : IAsyncDisposable
{
    private const int KeptLines = 40;

    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();
    private readonly Lock _linesGate = new();

    private MonitorProcess(Process process)
    {
        _process = process;
    }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public static MonitorProcess Start(string monitorDll, IReadOnlyDictionary<string, string> environment)
    {
        // A path that is not a .dll is a NativeAOT build (what the container ships), started directly.
        var isDll = monitorDll.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var start = new ProcessStartInfo(isDll ? "dotnet" : monitorDll)
        {
            WorkingDirectory = System.IO.Path.GetDirectoryName(monitorDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        if (isDll)
        {
            start.ArgumentList.Add(monitorDll);
        }

        // Nothing from our own environment may reconfigure the monitor behind the run's back (OTLP export, URLs, …).
        foreach (var key in start.Environment.Keys.ToArray())
        {
            if (key.StartsWith("OTEL_", StringComparison.Ordinal) || key.StartsWith("ASPNETCORE_", StringComparison.Ordinal)
                || key.Contains("__", StringComparison.Ordinal)
                || key.StartsWith("AMI_", StringComparison.Ordinal) || key.StartsWith("RENFIELD_", StringComparison.Ordinal)
                || key == "PHONEBOOK_PATH")
            {
                start.Environment.Remove(key);
            }
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var monitor = new MonitorProcess(process);
        process.OutputDataReceived += (_, e) => monitor.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => monitor.Keep(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException("dotnet did not start the monitor.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return monitor;
    }

    /// <summary>User and system CPU so far (from /proc); zero once the process is gone.</summary>
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

    public ProcessMemory? ReadMemory() => ProcessMemory.Read(_process.Id);

    /// <summary>The monitor's last output lines, to show why a run failed.</summary>
    public IReadOnlyList<string> LastLines()
    {
        lock (_linesGate)
        {
            return [.. _lastLines];
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"monitor pid {_process.Id} did not exit within 10 s of SIGKILL");
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_linesGate)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > KeptLines)
            {
                _lastLines.Dequeue();
            }
        }
    }
}
