using System.Buffers;
using System.Text;
using RenfieldSip.Monitor.Ami;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Ami;

public sealed class AmiFrameReaderTests
{
    private const int Max = 65536;

    public static TheoryData<string> AllCaptures => new(AmiCapture.AllNames);

    // Small enough to cut everywhere on every run; one of them is a complete call, one a refused login, one has UserEvent.
    public static TheoryData<string> EveryBoundaryCaptures => new(
        "known-caller-cancel.ami",
        "login-failure-wrong-secret.ami",
        "privacy-rewrite-userevent-withheld.ami");

    [Theory]
    [MemberData(nameof(AllCaptures))]
    public void Whole_capture_in_one_segment_gives_the_reference_blocks(string name)
    {
        var capture = AmiCapture.Load(name);

        var (banner, frames) = ReadAll(new ReadOnlySequence<byte>(capture.Bytes));

        Assert.Equal("Asterisk Call Manager/9.0.0", banner);
        Assert.Equal(capture.Blocks, frames);
        Assert.NotEmpty(frames);
    }

    [Theory]
    [MemberData(nameof(AllCaptures))]
    public void Recorded_recv_chunks_as_segments_give_the_same_blocks(string name)
    {
        var capture = AmiCapture.Load(name);

        var (_, frames) = ReadAll(AmiSequence.Create(capture.Bytes, capture.RecordedChunkOffsets));

        Assert.Equal(capture.Blocks, frames);
    }

    [Theory]
    [MemberData(nameof(AllCaptures))]
    public void Recorded_recv_chunks_fed_as_they_arrive_give_the_same_blocks(string name)
    {
        var capture = AmiCapture.Load(name);

        Assert.Equal(capture.Blocks, Feed(capture.Bytes, capture.RecordedChunkOffsets));
    }

    [Theory]
    [MemberData(nameof(AllCaptures))]
    public void One_byte_per_segment_gives_the_same_blocks(string name)
    {
        var capture = AmiCapture.Load(name);

        var (_, frames) = ReadAll(AmiSequence.OneBytePerSegment(capture.Bytes));

        Assert.Equal(capture.Blocks, frames);
    }

    [Theory]
    [MemberData(nameof(EveryBoundaryCaptures))]
    public void Cut_at_every_byte_boundary_gives_the_same_blocks(string name)
    {
        var capture = AmiCapture.Load(name);
        for (var cut = 1; cut < capture.Bytes.Length; cut++)
        {
            var (_, asSegments) = ReadAll(AmiSequence.Create(capture.Bytes, [cut]));
            Assert.Equal(capture.Blocks, asSegments);
            Assert.Equal(capture.Blocks, Feed(capture.Bytes, [cut]));
        }
    }

    [Fact]
    public void Fed_one_byte_per_read_gives_the_same_blocks()
    {
        var capture = AmiCapture.Load("known-caller-asterisk-hangup.ami");

        Assert.Equal(capture.Blocks, Feed(capture.Bytes, Enumerable.Range(1, capture.Bytes.Length)));
    }

    [Fact]
    public void An_incomplete_block_consumes_nothing()
    {
        var bytes = "Event: Newchannel\r\nChannel: PJSIP/x\r\n\r"u8.ToArray();
        var buffer = new ReadOnlySequence<byte>(bytes);

        Assert.False(new AmiFrameReader(Max).TryReadFrame(ref buffer, out _));
        Assert.Equal(bytes.Length, buffer.Length);
    }

    [Fact]
    public void Empty_lines_before_a_block_are_skipped()
    {
        var buffer = new ReadOnlySequence<byte>("\r\n\r\n\r\nEvent: Hangup\r\nUniqueid: 1.0\r\n\r\n"u8.ToArray());

        Assert.True(new AmiFrameReader(Max).TryReadFrame(ref buffer, out var frame));
        Assert.Equal("Event: Hangup\r\nUniqueid: 1.0", Encoding.ASCII.GetString(frame));
        Assert.True(buffer.IsEmpty);
    }

    [Fact]
    public void The_banner_is_one_line_and_the_login_response_follows_directly()
    {
        var buffer = new ReadOnlySequence<byte>(AmiCapture.Load("login-failure-unknown-user.ami").Bytes);

        Assert.True(AmiFrameReader.TryReadBanner(ref buffer, 1024, out var banner));
        Assert.True(new AmiFrameReader(Max).TryReadFrame(ref buffer, out var frame));

        Assert.Equal("Asterisk Call Manager/9.0.0", banner);
        var message = AmiMessage.FromFrame(new AmiFrame(frame.ToArray()));
        Assert.Equal(AmiFrameKind.Response, message.Kind);
        Assert.Equal("Error", message.Name);
        Assert.Equal("Authentication failed", message["Message"]);
        Assert.True(buffer.IsEmpty);
    }

    [Fact]
    public void A_partial_banner_waits_and_an_endless_one_is_a_protocol_error()
    {
        var partial = new ReadOnlySequence<byte>("Asterisk Call Man"u8.ToArray());
        Assert.False(AmiFrameReader.TryReadBanner(ref partial, 1024, out _));
        Assert.Equal(17, partial.Length);

        var endless = new ReadOnlySequence<byte>(new byte[2000]);
        Assert.Throws<AmiProtocolException>(() => AmiFrameReader.TryReadBanner(ref endless, 1024, out _));
    }

    [Fact]
    public void UserEvent_keeps_keys_in_order_with_the_repeated_Uniqueid()
    {
        var userEvent = ReadMessages("privacy-rewrite-userevent-withheld.ami").Single(m => m.Name == "UserEvent");

        var uniqueIds = userEvent.Fields.Where(f => f.Key == "Uniqueid").Select(f => f.Value).ToList();
        Assert.Equal(2, uniqueIds.Count);
        Assert.Equal("Event", userEvent.Fields[0].Key);
        Assert.Equal("Privilege", userEvent.Fields[1].Key);
        Assert.Equal("RenfieldIncomingCall", userEvent["UserEvent"]);
        Assert.Equal("prohib_not_screened", userEvent["Presentation"]);
        Assert.Equal(uniqueIds[0], userEvent["Uniqueid"]);
    }

    [Fact]
    public void OriginateResponse_is_an_event_even_with_a_Response_key()
    {
        var capture = AmiCapture.Load("local-channel-originate.ami");
        var block = capture.Blocks.Single(b => b.StartsWith("Event: OriginateResponse", StringComparison.Ordinal));

        var frame = new AmiFrame(Encoding.UTF8.GetBytes(block));

        Assert.Equal(AmiFrameKind.Event, frame.Kind);
        Assert.True(frame.NameEquals("originateresponse"u8));
        Assert.Equal("Failure", frame.GetString("Response"u8));
    }

    [Fact]
    public void AccountCode_with_a_trailing_space_is_an_empty_value()
    {
        var newChannel = ReadMessages("known-caller-cancel.ami").First(m => m.Name == "Newchannel");

        Assert.Equal(string.Empty, newChannel["AccountCode"]);
        Assert.Equal("+4930123456", newChannel["Exten"]);
        Assert.Equal("Max Mustermann", newChannel["CallerIDName"]);
    }

    [Fact]
    public void Utf8_split_across_segments_decodes_right()
    {
        var bytes = Encoding.UTF8.GetBytes("Event: Newchannel\r\nCallerIDName: Jürgen Müller\r\n\r\n");
        var splitInsideUmlaut = Array.IndexOf(bytes, (byte)0xC3) + 1;

        var buffer = AmiSequence.Create(bytes, [splitInsideUmlaut]);
        Assert.True(new AmiFrameReader(Max).TryReadFrame(ref buffer, out var frame));
        var scratch = new AmiFrameScratch();

        Assert.False(frame.IsSingleSegment);
        Assert.Equal("Jürgen Müller", new AmiFrame(scratch.GetContiguous(frame)).GetString("CallerIDName"u8));
    }

    [Fact]
    public void A_block_over_the_limit_is_a_protocol_error_that_quotes_nothing()
    {
        var bytes = Encoding.ASCII.GetBytes("Event: X\r\nSecret: " + new string('s', 2000) + "\r\n\r\n");
        var buffer = new ReadOnlySequence<byte>(bytes);

        var error = Assert.Throws<AmiProtocolException>(() => new AmiFrameReader(1024).TryReadFrame(ref buffer, out _));

        Assert.DoesNotContain("sss", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_single_segment_events_allocates_nothing()
    {
        var capture = AmiCapture.Load("concurrent-10-calls.ami");
        var body = capture.Body.ToArray();
        var scratch = new AmiFrameScratch();
        var found = 0;

        // Warm up once so JIT and static init are not counted. The runtime itself may allocate on this thread once
        // while it swaps in tiered code, so the steady state is a round of 100 reads that allocates nothing.
        found += CountNewchannels(body, scratch);
        var rounds = 0;
        long allocated;
        do
        {
            rounds++;
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 100; i++)
            {
                found += CountNewchannels(body, scratch);
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }
        while (allocated != 0 && rounds < 5);

        Assert.Equal(0, allocated);
        Assert.Equal((1 + (100 * rounds)) * 10, found);
    }

    [Fact]
    public void A_64_KiB_frame_arriving_one_byte_per_read_is_one_frame_once_its_terminator_is_in()
    {
        var body = Encoding.ASCII.GetBytes("Event: UserEvent\r\n" + string.Concat(Enumerable.Repeat("Key: value\r\n", 5450)));
        var bytes = body.Concat("\r\n"u8.ToArray()).ToArray();
        Assert.InRange(bytes.Length, 65_000, 65_536);
        var reader = new AmiFrameReader(65_536);

        // The transport hands over everything buffered since the frame's start after every read.
        for (var available = 1; available < bytes.Length; available++)
        {
            var partial = new ReadOnlySequence<byte>(bytes, 0, available);
            Assert.False(reader.TryReadFrame(ref partial, out _));
            Assert.Equal(available, partial.Length);
        }

        var buffer = new ReadOnlySequence<byte>(bytes);
        Assert.True(reader.TryReadFrame(ref buffer, out var frame));
        Assert.Equal(body.Length - 2, frame.Length);
        Assert.True(buffer.IsEmpty);
    }

    internal static (string Banner, List<string> Frames) ReadAll(ReadOnlySequence<byte> buffer, int max = Max)
    {
        Assert.True(AmiFrameReader.TryReadBanner(ref buffer, 1024, out var banner));
        var frames = new List<string>();
        var scratch = new AmiFrameScratch();
        while (new AmiFrameReader(max).TryReadFrame(ref buffer, out var frame))
        {
            frames.Add(Encoding.UTF8.GetString(scratch.GetContiguous(frame)));
        }

        Assert.True(buffer.IsEmpty);
        return (banner, frames);
    }

    /// <summary>
    /// Feeds the bytes the way a PipeReader would: after each arrival the unconsumed rest (cut at the arrival
    /// boundaries) is offered to the reader; what it leaves is offered again with the next arrival.
    /// </summary>
    internal static List<string> Feed(byte[] bytes, IEnumerable<int> arrivals, int max = Max) =>
        Feed(bytes, arrivals, max, readBanner: true, hex: false);

    /// <summary>Like <see cref="Feed(byte[], IEnumerable{int}, int)"/> without a banner; frames as hex (any bytes).</summary>
    internal static List<string> FeedBody(byte[] bytes, IEnumerable<int> arrivals, int max) =>
        Feed(bytes, arrivals, max, readBanner: false, hex: true);

    private static List<string> Feed(byte[] bytes, IEnumerable<int> arrivals, int max, bool readBanner, bool hex)
    {
        var frames = new List<string>();
        var scratch = new AmiFrameScratch();
        var boundaries = arrivals.Where(a => a > 0 && a < bytes.Length).Order().Append(bytes.Length).ToList();
        var consumed = 0;
        var bannerRead = !readBanner;

        // One reader across the reads, as the transport keeps one per connection: it resumes where it stopped.
        var reader = new AmiFrameReader(max);
        foreach (var available in boundaries)
        {
            var cuts = boundaries.Where(b => b > consumed && b < available).Select(b => b - consumed);
            var buffer = AmiSequence.Create(bytes.AsSpan(consumed, available - consumed), cuts);
            var length = buffer.Length;
            if (!bannerRead)
            {
                bannerRead = AmiFrameReader.TryReadBanner(ref buffer, 1024, out _);
            }

            while (bannerRead && reader.TryReadFrame(ref buffer, out var frame))
            {
                var span = scratch.GetContiguous(frame);
                frames.Add(hex ? Convert.ToHexString(span) : Encoding.UTF8.GetString(span));
            }

            Assert.True(buffer.Length <= max, "more than the limit stayed buffered without an error");

            consumed += (int)(length - buffer.Length);
        }

        if (readBanner)
        {
            // Captures end with a complete block, so everything must have been consumed.
            Assert.Equal(bytes.Length, consumed);
        }

        return frames;
    }

    private static List<AmiMessage> ReadMessages(string name)
    {
        var buffer = new ReadOnlySequence<byte>(AmiCapture.Load(name).Bytes);
        AmiFrameReader.TryReadBanner(ref buffer, 1024, out _);
        var messages = new List<AmiMessage>();
        while (new AmiFrameReader(Max).TryReadFrame(ref buffer, out var frame))
        {
            messages.Add(AmiMessage.FromFrame(new AmiFrame(frame.ToArray())));
        }

        return messages;
    }

    private static int CountNewchannels(byte[] body, AmiFrameScratch scratch)
    {
        var found = 0;
        var buffer = new ReadOnlySequence<byte>(body);
        while (new AmiFrameReader(Max).TryReadFrame(ref buffer, out var block))
        {
            var frame = new AmiFrame(scratch.GetContiguous(block));
            if (frame.Kind == AmiFrameKind.Event && frame.NameEquals("Newchannel"u8) && frame.TryGetValue("Uniqueid"u8, out var id) && !id.IsEmpty)
            {
                found++;
            }
        }

        return found;
    }
}
