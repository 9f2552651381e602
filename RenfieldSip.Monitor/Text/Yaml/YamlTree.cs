using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace RenfieldSip.Monitor.Text.Yaml;

/// <summary>Reads one YAML subtree from the event parser into <see cref="YamlNode"/>s, refusing aliases and deep nesting.</summary>
internal static class YamlTree
{
    // The rules are a few levels deep; anything deeper is not a phonebook.
    private const int MaxDepth = 8;

    public static YamlNode Read(IParser parser) => Read(parser, depth: 0);

    private static YamlNode Read(IParser parser, int depth)
    {
        if (depth > MaxDepth)
        {
            parser.Accept<ParsingEvent>(out var deep);
            throw new YamlFormatException(Line(deep!), "nested too deeply");
        }

        if (parser.TryConsume<Scalar>(out var scalar))
        {
            return new YamlNode(Line(scalar), scalar.Value, null, null);
        }

        if (parser.TryConsume<SequenceStart>(out var sequence))
        {
            var items = new List<YamlNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(Read(parser, depth + 1));
            }

            return new YamlNode(Line(sequence), null, items, null);
        }

        if (parser.TryConsume<MappingStart>(out var mapping))
        {
            var entries = new List<KeyValuePair<string, YamlNode>>();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                if (!parser.TryConsume<Scalar>(out var key))
                {
                    parser.Accept<ParsingEvent>(out var complex);
                    throw new YamlFormatException(Line(complex!), "a key must be plain text");
                }

                entries.Add(KeyValuePair.Create(key.Value, Read(parser, depth + 1)));
            }

            return new YamlNode(Line(mapping), null, null, entries);
        }

        parser.Accept<ParsingEvent>(out var other);
        throw new YamlFormatException(Line(other!), "aliases and anchors are not supported here");
    }

    private static int Line(ParsingEvent parsingEvent) => (int)Math.Min(int.MaxValue, parsingEvent.Start.Line);
}
