using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using RenfieldSip.Tests.Sip;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Phonebooks.CardDav;

/// <summary>
/// A real Radicale (Debian's radicale 3) on a free loopback port with its own temp storage, htpasswd users (plain
/// passwords: Debian's python3-passlib has no bcrypt backend without python3-bcrypt) and owner_only rights. Killed by
/// its own PID on dispose.
/// </summary>
internal sealed class RadicaleServer : IAsyncDisposable
{
    public const string Executable = "/usr/bin/radicale";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly string _directory;
    private ToolProcess? _process;

    private RadicaleServer(string directory, int port, IReadOnlyDictionary<string, string> users)
    {
        _directory = directory;
        Port = port;
        Users = users;
    }

    public int Port { get; }

    /// <summary>User name → password.</summary>
    public IReadOnlyDictionary<string, string> Users { get; }

    public Uri BaseUrl => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/");

    /// <summary>Why Radicale cannot run here, or null when it can.</summary>
    public static string? MissingReason() =>
        File.Exists(Executable) ? null : $"Radicale is not installed ({Executable} is missing): apt-get install radicale.";

    public static async Task<RadicaleServer> StartAsync(IReadOnlyDictionary<string, string> users, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("renfieldsip-radicale-").FullName;
        var server = new RadicaleServer(directory, FreePorts.Tcp(), users);
        try
        {
            await server.StartProcessAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public Uri Url(string path) => new(BaseUrl, path);

    /// <summary>
    /// An HttpClient that acts as the user's phone or Nextcloud would: preemptive Basic auth as <paramref name="user"/>,
    /// a new connection per request (Radicale answers HTTP/1.0 and closes each one).
    /// </summary>
    public HttpClient ClientFor(string user)
    {
        var client = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(20), DefaultRequestHeaders = { ConnectionClose = true } };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{Users[user]}")));
        return client;
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
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Only a temp directory.
        }
    }

    private async Task StartProcessAsync(CancellationToken cancellationToken)
    {
        var htpasswd = Path.Combine(_directory, "users");
        await File.WriteAllLinesAsync(htpasswd, Users.Select(u => $"{u.Key}:{u.Value}"), cancellationToken);
        var config = Path.Combine(_directory, "config");
        await File.WriteAllTextAsync(config, $"""
            [server]
            hosts = 127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}

            [auth]
            type = htpasswd
            htpasswd_filename = {htpasswd}
            htpasswd_encryption = plain
            # No pause after a wrong password: the Unauthorized test would only wait.
            delay = 0

            [rights]
            type = owner_only

            [storage]
            filesystem_folder = {Path.Combine(_directory, "collections")}

            [web]
            type = none

            [logging]
            level = warning
            """, cancellationToken);

        // -C replaces /etc/radicale/config and ~/.config/radicale/config, so nothing of this machine's setup counts.
        _process = ToolProcess.Start(Executable, ["-C", config], _directory);
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await Poll.UntilAsync(
            async () =>
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"radicale exited early:\n{_process.Output}");
                }

                try
                {
                    using var response = await probe.GetAsync(BaseUrl, cancellationToken);
                    return true;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            $"Radicale to answer on {BaseUrl}",
            StartTimeout,
            cancellationToken);
    }
}
