using System.Globalization;

namespace RenfieldSip.Tests.Phonebooks.CardDav;

/// <summary>
/// A real Xandikos (Debian's xandikos) on a free loopback port with its own temp storage: a second CardDAV server beside
/// Radicale, whose root answers PROPFIND with an empty resourcetype and the current-user-principal. Started by its path
/// (the python3 on PATH may lack Debian's modules), without authentication, with its default principal <c>/user/</c>,
/// address book home <c>/user/contacts/</c> and address book <c>/user/contacts/addressbook/</c>. Killed by its own PID on
/// dispose.
/// </summary>
internal sealed class XandikosServer : IAsyncDisposable
{
    public const string Executable = "/usr/bin/xandikos";
    public const string PrincipalPath = "/user/";
    public const string AddressBookPath = "/user/contacts/addressbook/";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly LocalDavProcess _process;

    private XandikosServer(LocalDavProcess process) => _process = process;

    public int Port => _process.Port;

    public Uri BaseUrl => _process.BaseUrl;

    /// <summary>Why Xandikos cannot run here, or null when it can.</summary>
    public static string? MissingReason() =>
        File.Exists(Executable) ? null : $"Xandikos is not installed ({Executable} is missing): apt-get install xandikos.";

    public static async Task<XandikosServer> StartAsync(CancellationToken cancellationToken)
    {
        var server = new XandikosServer(LocalDavProcess.Prepare("xandikos"));
        try
        {
            await server._process.StartAsync(
                Executable,
                ["-d", Path.Combine(server._process.Directory, "dav"), "--defaults", "-l", "127.0.0.1", "-p", server.Port.ToString(CultureInfo.InvariantCulture)],
                server.Url(AddressBookPath),
                StartTimeout,
                cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public Uri Url(string path) => new(BaseUrl, path);

    /// <summary>An HttpClient that acts as the user's phone would.</summary>
    public HttpClient Phone() => new() { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(20) };

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
