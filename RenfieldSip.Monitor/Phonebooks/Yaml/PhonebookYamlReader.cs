using RenfieldSip.Monitor.Identity;
using RenfieldSip.Monitor.Phonebooks.Formats;
using RenfieldSip.Monitor.Rules;
using RenfieldSip.Monitor.Text;
using RenfieldSip.Monitor.Text.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace RenfieldSip.Monitor.Phonebooks.Yaml;

/// <summary>
/// Reads the phonebook file: the <c>contacts:</c> map and the <c>rules:</c> section. A file that is not YAML, or not
/// shaped like a phonebook, throws a <see cref="PhonebookFormatException"/> naming the line; single bad contacts are
/// skipped with a warning so one typo does not cost the whole book.
/// </summary>
internal sealed class PhonebookYamlReader(PhoneNumberNormalizer normalizer, ILogger logger)
{
    private const string ContactsKey = "contacts";
    private const string RulesKey = "rules";

    private readonly CallRulesReader _rules = new(normalizer);

    public SourceContents Load(string path, string sourceName)
    {
        using var reader = File.OpenText(path);
        return Parse(reader, path, sourceName);
    }

    public SourceContents Parse(TextReader reader, string path, string sourceName)
    {
        try
        {
            return ParseYaml(reader, path, sourceName);
        }
        catch (YamlException exception)
        {
            throw new PhonebookFormatException((int)Math.Min(int.MaxValue, exception.Start.Line), Reason(exception));
        }
        catch (YamlFormatException exception)
        {
            throw new PhonebookFormatException(exception.Line, exception.Reason, exception);
        }
    }

    private SourceContents ParseYaml(TextReader reader, string path, string sourceName)
    {
        // The event parser (not the representation model) keeps every entry's line and does not expand aliases.
        var parser = new Parser(reader);
        var entries = new Dictionary<string, (PhonebookContact Contact, long Line)>(StringComparer.Ordinal);
        var rules = CallRules.None;
        parser.Consume<StreamStart>();
        if (parser.TryConsume<DocumentStart>(out _))
        {
            if (parser.TryConsume<MappingStart>(out _))
            {
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    if (parser.TryConsume<Scalar>(out var key) && key.Value == ContactsKey)
                    {
                        ReadContacts(parser, entries, path, sourceName);
                    }
                    else if (key?.Value == RulesKey)
                    {
                        rules = _rules.Read(YamlTree.Read(parser));
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

        return new SourceContents([.. entries.Select(entry => KeyValuePair.Create(entry.Key, entry.Value.Contact))], rules);
    }

    private void ReadContacts(IParser parser, Dictionary<string, (PhonebookContact Contact, long Line)> entries, string path, string sourceName)
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
                Log.EntryNumberInvalid(logger, path, complexKey!.Start.Line);
                parser.SkipThisAndNestedEvents();
                parser.SkipThisAndNestedEvents();
                continue;
            }

            var line = numberScalar.Start.Line;
            var contact = ReadContact(parser, sourceName);
            var number = normalizer.Normalize(numberScalar.Value);
            if (number?.E164 is null)
            {
                Log.EntryNumberInvalid(logger, path, line);
                continue;
            }

            if (contact is null)
            {
                Log.EntryNameInvalid(logger, path, line);
                continue;
            }

            if (entries.TryGetValue(number.Key, out var earlier))
            {
                Log.EntryDuplicate(logger, path, line, earlier.Line);
            }

            entries[number.Key] = (contact, line);
        }
    }

    /// <summary>
    /// <c>"Max Mustermann"</c>, or <c>{ name: "Max Mustermann", groups: [Familie], always_speak: true }</c>. Null when
    /// there is no usable name; a misspelt key in the long form is an error, since it would silently lose a rule.
    /// </summary>
    private static PhonebookContact? ReadContact(IParser parser, string sourceName)
    {
        if (parser.TryConsume<Scalar>(out var nameScalar))
        {
            var name = UntrustedText.SanitizeName(nameScalar.Value);
            return name.Length == 0 ? null : new PhonebookContact(name, sourceName, []);
        }

        if (!parser.Accept<MappingStart>(out _))
        {
            parser.SkipThisAndNestedEvents();
            return null;
        }

        var node = YamlTree.Read(parser);
        string? contactName = null;
        var groups = new List<string>();
        var alwaysSpeak = false;
        foreach (var (key, value) in node.Entries!)
        {
            switch (key)
            {
                case "name":
                    contactName = value.Scalar is { } text ? UntrustedText.SanitizeName(text) : null;
                    break;
                case "groups":
                    foreach (var group in value.Items ?? (value.Scalar is { Length: > 0 } ? [value] : []))
                    {
                        if (UntrustedText.Clean(group.Scalar, UntrustedText.MaxNameLength) is { } cleaned)
                        {
                            groups.Add(cleaned);
                        }
                    }

                    break;
                case "always_speak":
                    alwaysSpeak = value.ToBoolean("always_speak");
                    break;
                default:
                    throw new PhonebookFormatException(value.Line, $"unknown key '{UntrustedText.Clean(key, 32)}' in a contact (known: name, groups, always_speak)");
            }
        }

        return string.IsNullOrEmpty(contactName) ? null : new PhonebookContact(contactName, sourceName, groups, alwaysSpeak);
    }

    private static YamlException Malformed(ParsingEvent at, string reason) => new(at.Start, at.End, reason);

    private static string Reason(YamlException exception)
    {
        // YamlDotNet prefixes the message with "(Line: 3, Col: 5, Idx: 40) - (…): "; the line is logged separately.
        var message = exception.Message;
        var separator = message.IndexOf("): ", StringComparison.Ordinal);
        return separator >= 0 && message.StartsWith('(') ? message[(separator + 3)..] : message;
    }
}
