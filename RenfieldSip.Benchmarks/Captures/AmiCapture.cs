namespace RenfieldSip.Benchmarks.Captures;

/// <summary>
/// The blocks of one real capture (Fixtures/ami), each with its closing blank line, the banner line dropped.
/// The bytes are exactly what Asterisk sent, so everything built from them inherits the real field order and sizes.
/// </summary>
internal sealed class AmiCapture
{
    private static ReadOnlySpan<byte> Terminator => "\r\n\r\n"u8;
    private static ReadOnlySpan<byte> Banner => "Asterisk Call Manager/"u8;

    private AmiCapture(string name, IReadOnlyList<byte[]> blocks)
    {
        Name = name;
        Blocks = blocks;
    }

    public static string FixtureDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures", "ami");

    public string Name { get; }

    public IReadOnlyList<byte[]> Blocks { get; }

    public static IEnumerable<string> FileNames(string searchPattern) =>
        Directory.EnumerateFiles(FixtureDirectory, searchPattern).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    public static AmiCapture Load(string fileName)
    {
        ReadOnlySpan<byte> bytes = File.ReadAllBytes(Path.Combine(FixtureDirectory, fileName));
        if (bytes.StartsWith(Banner))
        {
            bytes = bytes[(bytes.IndexOf("\r\n"u8) + 2)..];
        }

        var blocks = new List<byte[]>();
        while (!bytes.IsEmpty)
        {
            var end = bytes.IndexOf(Terminator);
            if (end < 0)
            {
                throw new InvalidDataException($"{fileName} does not end with a blank line.");
            }

            blocks.Add(bytes[..(end + Terminator.Length)].ToArray());
            bytes = bytes[(end + Terminator.Length)..];
        }

        return new AmiCapture(fileName, blocks);
    }
}
