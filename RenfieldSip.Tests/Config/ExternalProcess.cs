using System.Diagnostics;

namespace RenfieldSip.Tests.Config;

/// <summary>Runs a short-lived tool (sh, docker-compose) with a hard timeout and never leaves it behind.</summary>
internal static class ExternalProcess
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?> environment,
        string workingDirectory,
        CancellationToken cancellationToken,
        TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var startInfo = StartInfo(fileName, arguments, environment, workingDirectory);
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        process.StandardInput.Close();
        var standardOutput = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var standardError = process.StandardError.ReadToEndAsync(cancellationToken);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish within {limit}.");
        }

        return new ProcessResult(process.ExitCode, await standardOutput, await standardError);
    }

    /// <summary>
    /// How every tool the tests run is started: redirected, in <paramref name="workingDirectory"/>, with the
    /// developer's own SIP_/AMI_/RENFIELD_ variables removed so that only what the test passes counts (null removes).
    /// </summary>
    public static ProcessStartInfo StartInfo(
        string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment, string workingDirectory)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var key in startInfo.Environment.Keys.ToList())
        {
            if (key.StartsWith("SIP_", StringComparison.Ordinal) || key.StartsWith("AMI_", StringComparison.Ordinal)
                || key.StartsWith("RENFIELD_", StringComparison.Ordinal) || key is "RENDER_ONLY" or "TEMPLATE_DIR" or "TARGET_DIR")
            {
                startInfo.Environment.Remove(key);
            }
        }

        foreach (var (key, value) in environment)
        {
            if (value is null)
            {
                startInfo.Environment.Remove(key);
            }
            else
            {
                startInfo.Environment[key] = value;
            }
        }

        return startInfo;
    }
}
