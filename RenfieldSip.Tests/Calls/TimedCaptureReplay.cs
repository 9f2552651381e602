using System.Buffers;
using Microsoft.Extensions.Time.Testing;
using RenfieldSip.Monitor.Ami;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Calls;

/// <summary>
/// Feeds a capture's events to a handler at the moments they arrived (recv-timing, unscaled), moving a fake clock,
/// so settle timers and hangups interleave as they did on the real Asterisk.
/// </summary>
internal static class TimedCaptureReplay
{
    public static void Play(string capture, IAmiEventHandler handler, FakeTimeProvider time)
    {
        foreach (var (bytes, pause, _) in TimedCapture.Load(capture).Chunks)
        {
            time.Advance(pause);

            // Asterisk never split a block across these chunks, so each chunk frames on its own.
            var buffer = new ReadOnlySequence<byte>(bytes);
            while (new AmiFrameReader(65536).TryReadFrame(ref buffer, out var block))
            {
                var frame = new AmiFrame(block.ToArray());
                if (frame.Kind == AmiFrameKind.Event)
                {
                    handler.OnEvent(frame);
                }
            }
        }
    }
}
