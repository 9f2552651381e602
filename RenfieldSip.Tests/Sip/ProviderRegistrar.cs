using System.Globalization;

namespace RenfieldSip.Tests.Sip;

/// <summary>
/// The SIP provider's registrar: sipp running provider-registrar.xml on a port of <paramref name="address"/>
/// (loopback, or the docker0 address for Asterisk in a container), which it keeps across restarts (a restarted
/// provider has forgotten every registration). Each run logs to its own file.
/// </summary>
internal sealed class ProviderRegistrar(string directory, string address = "127.0.0.1") : IAsyncDisposable
{
    private ToolProcess? _sipp;
    private int _runs;

    public int Port { get; } = FreePorts.Udp(address);

    /// <summary>The value for SIP_REGISTRAR.</summary>
    public string Registrar => $"{address}:{Port}";

    private string Log => Path.Combine(directory, $"registrar-{_runs}.log");

    /// <summary>Starts answering; <paramref name="password"/> is the one the provider accepts (others get 403).</summary>
    public void Start(string username, string password, int grantedExpirySeconds)
    {
        _runs++;
        _sipp = ToolProcess.Start(
            SipToolchain.Sipp,
            [
                "-sf", SipToolchain.Scenario("provider-registrar.xml"), "-i", address, "-p", Port.ToString(CultureInfo.InvariantCulture),
                "-key", "user", username, "-key", "pass", password, "-key", "expires", grantedExpirySeconds.ToString(CultureInfo.InvariantCulture),
                "-trace_logs", "-log_file", Log, "-nostdin",
            ],
            directory);
    }

    /// <summary>Stops answering anything.</summary>
    public async Task StopAsync()
    {
        if (_sipp is not null)
        {
            await _sipp.DisposeAsync();
            _sipp = null;
        }
    }

    public bool IsRunning => _sipp is { HasExited: false };

    /// <summary>
    /// The clock ticks (sipp's milliseconds since its start) of this run's lines with <paramref name="marker"/>:
    /// REGISTERED, REFUSED or KEEPALIVE, in order.
    /// </summary>
    public IReadOnlyList<long> Events(string marker) =>
        [.. Lines(marker).Select(parts => long.TryParse(parts[^1], CultureInfo.InvariantCulture, out var tick) ? tick : -1).Where(tick => tick >= 0)];

    /// <summary>The line token of this run's last accepted REGISTER, or null.</summary>
    public string? LastLine() => Lines("REGISTERED").Where(parts => parts.Length >= 3).Select(parts => parts[1]).LastOrDefault();

    private List<string[]> Lines(string marker)
    {
        if (!File.Exists(Log))
        {
            return [];
        }

        using var stream = new FileStream(Log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var lines = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 2 && parts[0] == marker)
            {
                lines.Add(parts);
            }
        }

        return lines;
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
