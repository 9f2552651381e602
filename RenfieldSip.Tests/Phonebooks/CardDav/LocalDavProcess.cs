using System.Globalization;
using RenfieldSip.Tests.Sip;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Phonebooks.CardDav;

/// <summary>
/// What the real CardDAV servers of the tests share: a temp directory of their own, a free loopback port, the server
/// process started by its path and polled until it answers, and killed by its own PID; the directory goes on dispose.
/// </summary>
internal sealed class LocalDavProcess : IAsyncDisposable
{
    private ToolProcess? _process;

    private LocalDavProcess(string name, string directory, int port)
    {
        Name = name;
        Directory = directory;
        Port = port;
    }

    public string Name { get; }

    /// <summary>The server's own temp directory: its storage, its config.</summary>
    public string Directory { get; }

    public int Port { get; }

    public Uri BaseUrl => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/");

    /// <summary>A temp directory and a free port, nothing started yet.</summary>
    public static LocalDavProcess Prepare(string name) =>
        new(name, System.IO.Directory.CreateTempSubdirectory($"renfieldsip-{name}-").FullName, FreePorts.Tcp());

    /// <summary>Starts <paramref name="executable"/> and waits until <paramref name="probe"/> answers with any status.</summary>
    public async Task StartAsync(string executable, IReadOnlyList<string> arguments, Uri probe, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var process = ToolProcess.Start(executable, arguments, Directory);
        _process = process;
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await Poll.UntilAsync(
            async () =>
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"{Name} exited early:\n{process.Output}");
                }

                try
                {
                    using var response = await client.GetAsync(probe, cancellationToken);
                    return true;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            $"{Name} to answer on {BaseUrl}",
            timeout,
            cancellationToken);
    }

    /// <summary>Kills the server by its PID, as a crash or a reboot of the home server would.</summary>
    public async Task StopAsync()
    {
        if (_process is { } process)
        {
            _process = null;
            await process.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Only a temp directory.
        }
    }
}
