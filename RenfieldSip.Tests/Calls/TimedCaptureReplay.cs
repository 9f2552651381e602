using System.Globalization;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using RenfieldSip.Monitor.Ami;

namespace RenfieldSip.Tests.Calls;

/// <summary>
/// Feeds a capture's events to a handler at the moments they arrived (from recv-timing), moving a fake clock, so
/// settle timers and hangups interleave as they did on the real Asterisk. Frames are cut naively on the blank line:
/// the captures are well formed, and framing has its own tests.
/// </summary>
internal static class TimedCaptureReplay
{
    public static void Play(string capture, IAmiEventHandler handler, FakeTimeProvider time)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "Fixtures", "ami");
        var bytes = File.ReadAllBytes(Path.Combine(directory, capture));
        var timingPath = Path.Combine(directory, "recv-timing", capture + ".timing");
        var chunks = File.Exists(timingPath)
            ? [.. File.ReadAllLines(timingPath).Where(l => l.Length > 0).Select(ParseChunk)]
            : new List<(int Offset, TimeSpan At)> { (0, TimeSpan.Zero) };

        var start = time.GetUtcNow();
        var text = bytes.AsSpan();
        var bannerEnd = text.IndexOf("\r\n"u8) + 2;
        var position = bannerEnd;
        handler.OnSessionStarted();
        while (position < bytes.Length)
        {
            var length = text[position..].IndexOf("\r\n\r\n"u8);
            if (length < 0)
            {
                break;
            }

            var arrivedAt = chunks.Last(c => c.Offset <= position).At;
            var due = start + arrivedAt;
            if (due > time.GetUtcNow())
            {
                time.Advance(due - time.GetUtcNow());
            }

            var frame = new AmiFrame(text.Slice(position, length + 2));
            if (frame.Kind == AmiFrameKind.Event)
            {
                handler.OnEvent(frame);
            }

            position += length + 4;
        }
    }

    public static string Ascii(ReadOnlySpan<byte> bytes) => Encoding.ASCII.GetString(bytes);

    private static (int Offset, TimeSpan At) ParseChunk(string line)
    {
        var parts = line.Split(' ');
        return (int.Parse(parts[0], CultureInfo.InvariantCulture), TimeSpan.FromSeconds(double.Parse(parts[1], CultureInfo.InvariantCulture)));
    }
}
