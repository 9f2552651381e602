using System.Buffers;
using System.Text;
using CsCheck;
using RenfieldSip.Monitor.Ami;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Ami;

public sealed class AmiFrameReaderFuzzTests
{
    private const int SmallMax = 1024;

    // Pieces that steer random input towards the interesting edges: terminators, bare LF, stray CR, colons, split UTF-8.
    private static readonly byte[][] Pieces =
    [
        "\r\n"u8.ToArray(), "\r\n\r\n"u8.ToArray(), "\n"u8.ToArray(), "\n\n"u8.ToArray(), "\r"u8.ToArray(), ":"u8.ToArray(), ": "u8.ToArray(),
        "Event: Newchannel"u8.ToArray(), "Response: Success"u8.ToArray(), "ActionID: x"u8.ToArray(), "Uniqueid: 1.0"u8.ToArray(),
        [0xC3], [0xBC], [0xF0, 0x9F], [0x98, 0x80], [0xFF], [0x00],
    ];

    private static readonly Gen<byte[]> Piece = Gen.Frequency(
        (3, Gen.Byte.Array[0, 40]),
        (5, Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i])));

    private static readonly Gen<byte[]> Input = Piece.Array[0, 120].Select(parts => parts.SelectMany(p => p).ToArray());

    [Fact]
    public void Random_input_fed_in_random_pieces_matches_the_whole_buffer_or_fails_typed()
    {
        Input.Select(Gen.Int[1, 64].Array[0, 30]).Sample(
            (bytes, steps) =>
            {
                var whole = Outcome(() => ReadAllFrames(new ReadOnlySequence<byte>(bytes)));
                var arrivals = new List<int>();
                var position = 0;
                foreach (var step in steps)
                {
                    position += step;
                    arrivals.Add(position);
                }

                var fed = Outcome(() => FeedFrames(bytes, arrivals));
                var segmented = Outcome(() => ReadAllFrames(AmiSequence.Create(bytes, arrivals)));

                // Either all three agree on the frames, or the input broke the limit: then every route must say so.
                Assert.Equal(whole, segmented);
                Assert.Equal(whole.Failed, fed.Failed);
                if (!whole.Failed)
                {
                    Assert.Equal(whole.Frames, fed.Frames);
                }
            },
            iter: 3000,
            threads: 1);
    }

    [Fact]
    public void Truncated_capture_blocks_never_yield_a_partial_frame()
    {
        var capture = AmiCapture.Load("concurrent-10-calls.ami");
        var body = capture.Body.ToArray();
        Gen.Int[0, body.Length].Sample(
            length =>
            {
                var buffer = new ReadOnlySequence<byte>(body, 0, length);
                var frames = new List<string>();
                while (new AmiFrameReader(65536).TryReadFrame(ref buffer, out var frame))
                {
                    frames.Add(Encoding.ASCII.GetString(frame));
                }

                var complete = capture.EventBlocks.Where((_, i) => i < frames.Count);
                Assert.Equal(complete, frames);
                Assert.True(buffer.Length < 65536);
            },
            iter: 500,
            threads: 1);
    }

    [Fact]
    public void A_10_MB_line_without_CRLF_fails_once_the_limit_is_buffered()
    {
        const int ReadSize = 64 * 1024;
        var line = new byte[10 * 1024 * 1024];
        line.AsSpan().Fill((byte)'A');
        var buffered = 0;
        var reader = new AmiFrameReader(65536);

        var error = Assert.Throws<AmiProtocolException>(() =>
        {
            // 10 MB arriving in 64 KiB reads; a correct reader gives up at the limit instead of buffering them all.
            while (buffered < line.Length)
            {
                buffered += ReadSize;
                var buffer = AmiSequence.Create(line.AsSpan(0, buffered), Enumerable.Range(1, buffered / ReadSize).Select(i => i * ReadSize));
                reader.TryReadFrame(ref buffer, out _);
            }
        });

        Assert.Contains("65536", error.Message, StringComparison.Ordinal);
        Assert.Equal(2 * ReadSize, buffered);
    }

    [Fact]
    public void A_bare_LF_stream_fails_at_the_limit()
    {
        var bytes = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("Event: Newchannel\nUniqueid: 1.0\n\n", 100)));
        var buffer = new ReadOnlySequence<byte>(bytes);

        Assert.Throws<AmiProtocolException>(() => new AmiFrameReader(SmallMax).TryReadFrame(ref buffer, out _));
    }

    [Fact]
    public void A_block_of_100000_keys_fails_at_the_default_limit_and_parses_under_the_largest()
    {
        var builder = new StringBuilder("Event: Flood\r\n");
        for (var i = 0; i < 100_000; i++)
        {
            builder.Append("Key").Append(i).Append(": v\r\n");
        }

        var bytes = Encoding.ASCII.GetBytes(builder.Append("\r\n").ToString());
        var atDefault = new ReadOnlySequence<byte>(bytes);
        Assert.Throws<AmiProtocolException>(() => new AmiFrameReader(65536).TryReadFrame(ref atDefault, out _));

        var atLargest = new ReadOnlySequence<byte>(bytes);
        Assert.True(new AmiFrameReader(AmiOptionsValidator.MaxMessageBytesLimit).TryReadFrame(ref atLargest, out var frame));
        var fields = 0;
        foreach (var field in new AmiFrame(frame.FirstSpan).EnumerateFields())
        {
            fields += field.Key.IsEmpty ? 0 : 1;
        }

        Assert.Equal(100_001, fields);
    }

    [Fact]
    public void Invalid_utf8_decodes_to_replacement_characters_instead_of_throwing()
    {
        byte[] bytes = [.. "Event: X\r\nCallerIDName: "u8, 0xC3, 0x28, 0xFF, 0xF0, 0x9F, .. "\r\n\r\n"u8];
        var buffer = new ReadOnlySequence<byte>(bytes);

        Assert.True(new AmiFrameReader(SmallMax).TryReadFrame(ref buffer, out var frame));

        Assert.Contains('\uFFFD', new AmiFrame(frame.FirstSpan).GetString("CallerIDName"u8)!);
    }

    private static List<string> ReadAllFrames(ReadOnlySequence<byte> buffer)
    {
        var frames = new List<string>();
        var scratch = new AmiFrameScratch();
        while (new AmiFrameReader(SmallMax).TryReadFrame(ref buffer, out var block))
        {
            Assert.True(block.Length <= SmallMax);
            var frame = new AmiFrame(scratch.GetContiguous(block));

            // Touch everything a handler could: no input may make the view itself throw.
            foreach (var field in frame.EnumerateFields())
            {
                _ = field.Key.Length + field.Value.Length;
            }

            _ = frame.GetString("Uniqueid"u8);
            frames.Add(Convert.ToHexString(frame.Block));
        }

        Assert.True(buffer.Length <= SmallMax, "more than the limit stayed buffered without an error");
        return frames;
    }

    private static List<string> FeedFrames(byte[] bytes, List<int> arrivals)
    {
        var frames = new List<string>();
        foreach (var frame in AmiFrameReaderTests.FeedBody(bytes, arrivals, SmallMax))
        {
            frames.Add(frame);
        }

        return frames;
    }

    private static FuzzOutcome Outcome(Func<List<string>> read)
    {
        try
        {
            return new FuzzOutcome(false, read());
        }
        catch (AmiProtocolException)
        {
            return new FuzzOutcome(true, []);
        }
    }

    private sealed record FuzzOutcome(bool Failed, List<string> Frames)
    {
        public bool Equals(FuzzOutcome? other) => other is not null && Failed == other.Failed && Frames.SequenceEqual(other.Frames);

        public override int GetHashCode() => Failed.GetHashCode();
    }
}
