using System.Globalization;

namespace RenfieldSip.Tests.Support;

/// <summary>
/// A capture's body cut into the TCP chunks Asterisk really sent, each with the pause that came before it and the
/// number of complete events sent before it. A pause is the scenario (a caller hangs up after ringing); the player
/// decides how it passes, e.g. by moving a fake clock once the monitor has read everything before it.
/// </summary>
internal sealed record TimedCapture(AmiCapture Capture, IReadOnlyList<(ReadOnlyMemory<byte> Bytes, TimeSpan PauseBefore, int EventsBefore)> Chunks)
{
    public static TimedCapture Load(string name)
    {
        var capture = AmiCapture.Load(name);
        var timingPath = Path.Combine(AmiCapture.FixturesDirectory, "recv-timing", name + ".timing");
        var times = File.Exists(timingPath)
            ? File.ReadAllLines(timingPath).Where(l => l.Length > 0).Select(l => l.Split(' ')).ToDictionary(
                p => int.Parse(p[0], CultureInfo.InvariantCulture),
                p => double.Parse(p[1], CultureInfo.InvariantCulture))
            : [];

        var cuts = capture.RecordedSplitPoints(capture.BodyStart, capture.GoodbyeStart).Prepend(0).Append(capture.Body.Length).Distinct().ToList();
        var chunks = new List<(ReadOnlyMemory<byte>, TimeSpan, int)>();
        var previous = times.Where(t => t.Key <= capture.BodyStart).Select(t => t.Value).DefaultIfEmpty(0).Max();
        for (var i = 0; i + 1 < cuts.Count; i++)
        {
            var at = times.TryGetValue(capture.BodyStart + cuts[i], out var seconds) ? seconds : previous;
            chunks.Add((capture.Body[cuts[i]..cuts[i + 1]], TimeSpan.FromSeconds(Math.Max(0, at - previous)), CompleteEvents(capture.Body.Span[..cuts[i]])));
            previous = at;
        }

        return new TimedCapture(capture, chunks);
    }

    /// <summary>The complete events of the whole body.</summary>
    public int Events => CompleteEvents(Capture.Body.Span);

    /// <summary>Sends every chunk; before one that followed a pause, awaits <paramref name="pause"/>(events sent, pause).</summary>
    public async Task PlayAsync(AmiTestServerConnection connection, Func<int, TimeSpan, Task> pause)
    {
        foreach (var (bytes, pauseBefore, eventsBefore) in Chunks)
        {
            if (pauseBefore > TimeSpan.Zero)
            {
                await pause(eventsBefore, pauseBefore);
            }

            await connection.SendAsync(bytes);
        }
    }

    private static int CompleteEvents(ReadOnlySpan<byte> sent)
    {
        var events = 0;
        while (sent.IndexOf("\r\n\r\n"u8) is var end and >= 0)
        {
            if (sent.StartsWith("Event:"u8))
            {
                events++;
            }

            sent = sent[(end + 4)..];
        }

        return events;
    }
}
