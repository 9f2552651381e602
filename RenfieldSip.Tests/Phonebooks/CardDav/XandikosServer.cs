using System.Globalization;
using RenfieldSip.Tests.Sip;
using RenfieldSip.Tests.Support;

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

    private readonly string _directory;
    private ToolProcess? _process;

    private XandikosServer(string directory, int port)
    {
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    public Uri BaseUrl => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/");

    /// <summary>Why Xandikos cannot run here, or null when it can.</summary>
    public static string? MissingReason() =>
        File.Exists(Executable) ? null : $"Xandikos is not installed ({Executable} is missing): apt-get install xandikos.";

    public static async Task<XandikosServer> StartAsync(CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("renfieldsip-xandikos-").FullName;
        var server = new XandikosServer(directory, FreePorts.Tcp());
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

    /// <summary>An HttpClient that acts as the user's phone would.</summary>
    public HttpClient Phone() => new() { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(20) };

    public async ValueTask DisposeAsync()
    {
        if (_process is { } process)
        {
            _process = null;
            await process.DisposeAsync();
        }

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
        _process = ToolProcess.Start(
            Executable,
            ["-d", Path.Combine(_directory, "dav"), "--defaults", "-l", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture)],
            _directory);
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await Poll.UntilAsync(
            async () =>
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"xandikos exited early:\n{_process.Output}");
                }

                try
                {
                    using var response = await probe.GetAsync(Url(AddressBookPath), cancellationToken);
                    return true;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            $"Xandikos to answer on {BaseUrl}",
            StartTimeout,
            cancellationToken);
    }
}
