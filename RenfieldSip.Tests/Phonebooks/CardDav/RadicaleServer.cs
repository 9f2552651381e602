using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

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

    private readonly LocalDavProcess _process;

    private RadicaleServer(LocalDavProcess process, IReadOnlyDictionary<string, string> users)
    {
        _process = process;
        Users = users;
    }

    public int Port => _process.Port;

    /// <summary>User name → password.</summary>
    public IReadOnlyDictionary<string, string> Users { get; }

    public Uri BaseUrl => _process.BaseUrl;

    /// <summary>Why Radicale cannot run here, or null when it can.</summary>
    public static string? MissingReason() =>
        File.Exists(Executable) ? null : $"Radicale is not installed ({Executable} is missing): apt-get install radicale.";

    public static async Task<RadicaleServer> StartAsync(IReadOnlyDictionary<string, string> users, CancellationToken cancellationToken)
    {
        var server = new RadicaleServer(LocalDavProcess.Prepare("radicale"), users);
        try
        {
            var config = await server.WriteConfigAsync(cancellationToken);
            // -C replaces /etc/radicale/config and ~/.config/radicale/config, so nothing of this machine's setup counts.
            await server._process.StartAsync(Executable, ["-C", config], server.BaseUrl, StartTimeout, cancellationToken);
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
    public Task StopAsync() => _process.StopAsync();

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private async Task<string> WriteConfigAsync(CancellationToken cancellationToken)
    {
        var directory = _process.Directory;
        var htpasswd = Path.Combine(directory, "users");
        await File.WriteAllLinesAsync(htpasswd, Users.Select(u => $"{u.Key}:{u.Value}"), cancellationToken);
        var config = Path.Combine(directory, "config");
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
            filesystem_folder = {Path.Combine(directory, "collections")}

            [web]
            type = none

            [logging]
            level = warning
            """, cancellationToken);
        return config;
    }
}
