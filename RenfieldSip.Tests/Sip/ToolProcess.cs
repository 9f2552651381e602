using System.Diagnostics;
using RenfieldSip.Tests.Config;

namespace RenfieldSip.Tests.Sip;

/// <summary>
/// sipp and host-asterisk.sh as child processes: run to completion under a hang guard, or kept running in the
/// background (the provider's registrar) and killed by their own PID on dispose. Output is drained and kept.
/// </summary>
internal sealed class ToolProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Lock _gate = new();
    private readonly List<string> _output = [];

    private ToolProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_gate)
            {
                return string.Join('\n', _output);
            }
        }
    }

    public static ToolProcess Start(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var startInfo = ExternalProcess.StartInfo(
            fileName, arguments, (environment ?? new Dictionary<string, string>()).ToDictionary(e => e.Key, e => (string?)e.Value), workingDirectory);
        var process = new Process { StartInfo = startInfo };
        var tool = new ToolProcess(process);
        process.OutputDataReceived += (_, e) => tool.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => tool.Keep(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {fileName}.");
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return tool;
    }

    /// <summary>Runs to the end; returns the exit code. A hang guard, not a timing assertion.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan hangGuard, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment = null)
    {
        await using var tool = Start(fileName, arguments, workingDirectory, environment);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(hangGuard);
        try
        {
            await tool._process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{Path.GetFileName(fileName)} did not finish within {hangGuard}:\n{tool.Output}");
        }

        tool._process.WaitForExit();
        return (tool._process.ExitCode, tool.Output);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(timeout.Token);
            }
        }
        catch (InvalidOperationException)
        {
        }
        catch (OperationCanceledException)
        {
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            // sipp redraws its screen every second; only the tail matters in a failure message.
            if (_output.Count > 400)
            {
                _output.RemoveRange(0, 200);
            }

            _output.Add(line);
        }
    }
}
