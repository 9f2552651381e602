using RenfieldSip.Monitor.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace RenfieldSip.Monitor.Identity;

/// <summary>
/// Reads the <c>contacts:</c> map. A file that is not YAML, or not shaped like a phonebook, throws a
/// <see cref="YamlException"/> whose <see cref="YamlException.Start"/> names the line; single bad entries are
/// skipped with a warning so one typo does not cost the whole book.
/// </summary>
internal sealed class PhonebookLoader(PhoneNumberNormalizer normalizer, ILogger logger)
{
    private const string ContactsKey = "contacts";

    public Phonebook Load(string path)
    {
        using var reader = File.OpenText(path);
        return Parse(reader, path);
    }

    public Phonebook Parse(TextReader reader, string source)
    {
        // The event parser (not the representation model) keeps every entry's line and does not expand aliases.
        var parser = new Parser(reader);
        var entries = new Dictionary<string, (string Name, long Line)>(StringComparer.Ordinal);
        parser.Consume<StreamStart>();
        if (parser.TryConsume<DocumentStart>(out _))
        {
            if (parser.TryConsume<MappingStart>(out _))
            {
                ReadTopLevel(parser, entries, source);
            }
            else if (!(parser.TryConsume<Scalar>(out var empty) && empty.Value.Length == 0))
            {
                parser.Accept<ParsingEvent>(out var unexpected);
                throw Malformed(unexpected!, "the phonebook must be a mapping with a 'contacts:' key");
            }
        }

        // Read to the end so a syntax error further down is reported too, not silently ignored.
        while (parser.MoveNext())
        {
        }

        return new Phonebook(entries.Select(entry => KeyValuePair.Create(entry.Key, entry.Value.Name)));
    }

    private void ReadTopLevel(IParser parser, Dictionary<string, (string Name, long Line)> entries, string source)
    {
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            if (parser.TryConsume<Scalar>(out var key) && key.Value == ContactsKey)
            {
                ReadContacts(parser, entries, source);
            }
            else
            {
                if (key is null)
                {
                    parser.SkipThisAndNestedEvents();
                }

                parser.SkipThisAndNestedEvents();
            }
        }
    }

    private void ReadContacts(IParser parser, Dictionary<string, (string Name, long Line)> entries, string source)
    {
        if (parser.TryConsume<Scalar>(out var empty))
        {
            if (empty.Value.Length == 0)
            {
                return;
            }

            throw Malformed(empty, "'contacts:' must be a mapping of \"number\": \"name\"");
        }

        if (!parser.TryConsume<MappingStart>(out _))
        {
            parser.Accept<ParsingEvent>(out var unexpected);
            throw Malformed(unexpected!, "'contacts:' must be a mapping of \"number\": \"name\"");
        }

        while (!parser.TryConsume<MappingEnd>(out _))
        {
            if (!parser.TryConsume<Scalar>(out var numberScalar))
            {
                parser.Accept<ParsingEvent>(out var complexKey);
                Log.EntryNumberInvalid(logger, source, complexKey!.Start.Line);
                parser.SkipThisAndNestedEvents();
                parser.SkipThisAndNestedEvents();
                continue;
            }

            var line = numberScalar.Start.Line;
            string? name = null;
            if (parser.TryConsume<Scalar>(out var nameScalar))
            {
                name = UntrustedText.SanitizeName(nameScalar.Value);
            }
            else
            {
                parser.SkipThisAndNestedEvents();
            }

            var number = normalizer.Normalize(numberScalar.Value);
            if (number?.E164 is null)
            {
                Log.EntryNumberInvalid(logger, source, line);
                continue;
            }

            if (string.IsNullOrEmpty(name))
            {
                Log.EntryNameInvalid(logger, source, line);
                continue;
            }

            if (entries.TryGetValue(number.Key, out var earlier))
            {
                Log.EntryDuplicate(logger, source, line, earlier.Line);
            }

            entries[number.Key] = (name, line);
        }
    }

    private static YamlException Malformed(ParsingEvent at, string reason) => new(at.Start, at.End, reason);
}
