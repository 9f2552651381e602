using System.Globalization;

namespace RenfieldSip.Tests.Support;

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
}
