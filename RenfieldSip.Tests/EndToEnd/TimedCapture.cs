using System.Globalization;
using System.Text;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.EndToEnd;

/// <summary>
/// A capture's body cut into the TCP chunks Asterisk really sent, each with the pause that came before it, scaled
/// so a 3 s ring becomes 300 ms. Replaying the pauses is the scenario (a caller hangs up after ringing), not a
/// stand-in for synchronisation.
/// </summary>
internal sealed record TimedCapture(AmiCapture Capture, IReadOnlyList<(ReadOnlyMemory<byte> Bytes, TimeSpan PauseBefore)> Chunks)
{
    public static TimedCapture Load(string name, double timeScale = 0.1)
    {
        var capture = AmiCapture.Load(name);
        var timingPath = Path.Combine(AmiCapture.FixturesDirectory, "recv-timing", name + ".timing");
        var times = File.Exists(timingPath)
            ? File.ReadAllLines(timingPath).Where(l => l.Length > 0).Select(l => l.Split(' ')).ToDictionary(
                p => int.Parse(p[0], CultureInfo.InvariantCulture),
                p => double.Parse(p[1], CultureInfo.InvariantCulture))
            : [];

        var cuts = capture.RecordedSplitPoints(capture.BodyStart, capture.GoodbyeStart).Prepend(0).Append(capture.Body.Length).Distinct().ToList();
        var chunks = new List<(ReadOnlyMemory<byte>, TimeSpan)>();
        var previous = times.Where(t => t.Key <= capture.BodyStart).Select(t => t.Value).DefaultIfEmpty(0).Max();
        for (var i = 0; i + 1 < cuts.Count; i++)
        {
            var at = times.TryGetValue(capture.BodyStart + cuts[i], out var seconds) ? seconds : previous;
            chunks.Add((capture.Body[cuts[i]..cuts[i + 1]], TimeSpan.FromSeconds(Math.Max(0, at - previous) * timeScale)));
            previous = at;
        }

        return new TimedCapture(capture, chunks);
    }

    public async Task PlayAsync(AmiTestServerConnection connection, CancellationToken cancellationToken)
    {
        foreach (var (bytes, pause) in Chunks)
        {
            if (pause > TimeSpan.Zero)
            {
                await Task.Delay(pause, cancellationToken);
            }

            await connection.SendAsync(bytes);
        }
    }

    /// <summary>
    /// A known call settled by the identity event, as the last thing on the wire: once it is announced by a single
    /// worker, everything before it has been handled.
    /// </summary>
    public static byte[] Sentinel()
    {
        var body = AmiCapture.Load("privacy-rewrite-userevent-known.ami");
        var text = Encoding.UTF8.GetString(body.Body.Span)
            .Replace("1795513760.1", "9999999999.9", StringComparison.Ordinal)
            .Replace("+491701234567", SentinelNumber, StringComparison.Ordinal)
            .Replace("Max Mustermann", "Sentinel", StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(text);
    }

    public const string SentinelNumber = "+493099999999";
}
