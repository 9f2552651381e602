using System.Globalization;
using System.Text;

namespace RenfieldSip.Tests.Support;

/// <summary>
/// One recorded AMI session from Fixtures/ami: its exact bytes, the recv() chunk boundaries of the recording, and
/// its parts (banner, login response, body of events, optional final Goodbye).
/// </summary>
internal sealed class AmiCapture
{
    private static readonly byte[] Terminator = "\r\n\r\n"u8.ToArray();

    private AmiCapture(string name, byte[] bytes, IReadOnlyList<int> chunkOffsets)
    {
        Name = name;
        Bytes = bytes;
        RecordedChunkOffsets = chunkOffsets;

        BannerLength = Array.IndexOf(bytes, (byte)'\n') + 1;
        Banner = Encoding.ASCII.GetString(bytes, 0, BannerLength).TrimEnd('\r', '\n');

        var blocks = new List<(int Start, int Length)>();
        var position = BannerLength;
        while (position < bytes.Length)
        {
            var end = bytes.AsSpan(position).IndexOf(Terminator);
            if (end < 0)
            {
                throw new InvalidDataException($"{name}: bytes after the last block terminator.");
            }

            blocks.Add((position, end));
            position += end + Terminator.Length;
        }

        BlockRanges = blocks;
        LoginResponse = bytes.AsMemory(blocks[0].Start, blocks[0].Length + Terminator.Length);
        BodyStart = blocks[0].Start + blocks[0].Length + Terminator.Length;
        var last = blocks[^1];
        GoodbyeStart = blocks.Count > 1 && BlockText(last).StartsWith("Response: Goodbye", StringComparison.Ordinal) ? last.Start : bytes.Length;
    }

    public static string FixturesDirectory => Path.Combine(AppContext.BaseDirectory, "Fixtures", "ami");

    /// <summary>File names of every capture (e.g. <c>known-caller-cancel.ami</c>).</summary>
    public static IReadOnlyList<string> AllNames => Names("*.ami");

    public string Name { get; }

    public byte[] Bytes { get; }

    /// <summary>Start offset of each recv() chunk of the recording; just [0] when no timing file exists.</summary>
    public IReadOnlyList<int> RecordedChunkOffsets { get; }

    /// <summary>The banner line without CRLF.</summary>
    public string Banner { get; }

    public int BannerLength { get; }

    /// <summary>Every block after the banner: start and length without the terminating empty line.</summary>
    public IReadOnlyList<(int Start, int Length)> BlockRanges { get; }

    /// <summary>The recorded login response including its terminator (its ActionID is <c>login-1</c>).</summary>
    public ReadOnlyMemory<byte> LoginResponse { get; }

    public bool LoginSucceeds => Encoding.ASCII.GetString(LoginResponse.Span).StartsWith("Response: Success", StringComparison.Ordinal);

    /// <summary>Offset just after the login response: where the events start.</summary>
    public int BodyStart { get; }

    /// <summary>Offset of the final <c>Response: Goodbye</c> block, or the length when there is none.</summary>
    public int GoodbyeStart { get; }

    /// <summary>The events (and any responses the lab client provoked), without the final Goodbye.</summary>
    public ReadOnlyMemory<byte> Body => Bytes.AsMemory(BodyStart, GoodbyeStart - BodyStart);

    public ReadOnlyMemory<byte> Goodbye => Bytes.AsMemory(GoodbyeStart);

    /// <summary>Every block after the banner as text, without terminators: the reference split for parser tests.</summary>
    public IReadOnlyList<string> Blocks => [.. BlockRanges.Select(BlockText)];

    /// <summary>
    /// Every block after the banner as Asterisk sent it, each with its closing blank line: what a frame reader is fed,
    /// so whatever is built from them inherits the real field order and sizes.
    /// </summary>
    public IReadOnlyList<byte[]> Frames => [.. BlockRanges.Select(range => Bytes.AsSpan(range.Start, range.Length + Terminator.Length).ToArray())];

    /// <summary>The blocks of <see cref="Body"/> whose first line is <c>Event:</c>, in order.</summary>
    public IReadOnlyList<string> EventBlocks =>
        [.. BlockRanges.Where(range => range.Start >= BodyStart && range.Start < GoodbyeStart).Select(BlockText)
            .Where(text => text.StartsWith("Event:", StringComparison.Ordinal))];

    /// <summary>File names of the captures matching <paramref name="searchPattern"/> (<c>*.read-all.ami</c>), in order.</summary>
    public static IReadOnlyList<string> Names(string searchPattern) =>
        [.. Directory.GetFiles(FixturesDirectory, searchPattern).Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal)];

    public static AmiCapture Load(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(FixturesDirectory, name));
        var timing = Path.Combine(FixturesDirectory, "recv-timing", name + ".timing");
        IReadOnlyList<int> offsets = File.Exists(timing)
            ? [.. File.ReadAllLines(timing)
                .Where(line => !string.IsNullOrWhiteSpace(line))
                .Select(line => int.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture))]
            : [0];
        return new AmiCapture(name, bytes, offsets);
    }

    /// <summary>The recorded chunk boundaries strictly inside [start, end), relative to start.</summary>
    public IReadOnlyList<int> RecordedSplitPoints(int start, int end) =>
        [.. RecordedChunkOffsets.Where(offset => offset > start && offset < end).Select(offset => offset - start)];

    /// <summary>The login response with the recorded ActionID replaced by the client's.</summary>
    public byte[] LoginResponseFor(string actionId) =>
        Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(LoginResponse.Span).Replace("ActionID: login-1", "ActionID: " + actionId, StringComparison.Ordinal));

    public override string ToString() => Name;

    private string BlockText((int Start, int Length) range) => Encoding.UTF8.GetString(Bytes, range.Start, range.Length);
}
