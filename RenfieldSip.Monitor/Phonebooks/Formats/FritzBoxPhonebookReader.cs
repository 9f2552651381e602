using System.Xml;

namespace RenfieldSip.Monitor.Phonebooks.Formats;

/// <summary>
/// Contacts of an AVM Fritz!Box phonebook export (<c>&lt;phonebooks&gt;&lt;phonebook&gt;&lt;contact&gt;</c>), read
/// streaming. No DTD (so no entity expansion or external entity), no resolver, a cap on the document: the file may
/// come from anywhere. Anything that is not well-formed XML is a <see cref="PhonebookFormatException"/> with its line.
/// </summary>
internal static class FritzBoxPhonebookReader
{
    public const long MaxCharacters = 64L * 1024 * 1024;

    public const int MaxContacts = 100_000;

    /// <summary>The group of a contact the box marks as important (<c>&lt;category&gt;1&lt;/category&gt;</c>).</summary>
    public const string ImportantGroup = FritzBoxContactReader.ImportantGroup;

    /// <summary>Raw bytes: the encoding comes from the byte order mark or the XML declaration (older boxes write iso-8859-1).</summary>
    public static IReadOnlyList<ContactCard> Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Read(() => XmlReader.Create(stream, Settings()));
    }

    /// <summary>Already decoded text: the declared encoding is not used.</summary>
    public static IReadOnlyList<ContactCard> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Read(() => XmlReader.Create(reader, Settings()));
    }

    private static XmlReaderSettings Settings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        // Comments and whitespace stay visible so that the prolog's lines can be counted (see ReadPhonebooks).
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    private static List<ContactCard> Read(Func<XmlReader> open)
    {
        XmlReader? xml = null;
        var prologLine = 1;
        try
        {
            xml = open();
            return ReadPhonebooks(xml, ref prologLine);
        }
        catch (XmlException e)
        {
            // XmlException's message quotes the file's names and text, so it stays in the inner exception for a debugger.
            var line = e.LineNumber > 0 ? e.LineNumber : prologLine;
            throw new PhonebookFormatException(line, "not well-formed XML, larger than 64 MiB, or with a DTD (refused)", e);
        }
        finally
        {
            xml?.Dispose();
        }
    }

    private static List<ContactCard> ReadPhonebooks(XmlReader xml, ref int prologLine)
    {
        var names = new FritzBoxNames(xml.NameTable);
        var lineInfo = (IXmlLineInfo)xml;
        // The refusal of a DTD (and a missing root) comes without a position: the line where the node before it
        // ended is where it starts.
        while (xml.Read() && xml.NodeType != XmlNodeType.Element)
        {
            prologLine = lineInfo.LineNumber + xml.Value.AsSpan().Count('\n');
        }

        if (xml.NodeType != XmlNodeType.Element || !FritzBoxNames.Is(xml.LocalName, names.Phonebooks))
        {
            throw new PhonebookFormatException(lineInfo.LineNumber, "not a Fritz!Box phonebook export (the root element is not <phonebooks>)");
        }

        var cards = new List<ContactCard>();
        var contact = new FritzBoxContactReader(names);
        var rootDepth = xml.Depth;
        var inPhonebook = false;
        // Read to the end, so that a syntax error after the last contact is reported too.
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == rootDepth + 1)
            {
                inPhonebook = false;
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.Depth == rootDepth + 1)
            {
                inPhonebook = FritzBoxNames.Is(xml.LocalName, names.Phonebook) && !xml.IsEmptyElement;
            }
            else if (inPhonebook && xml.NodeType == XmlNodeType.Element && xml.Depth == rootDepth + 2 && FritzBoxNames.Is(xml.LocalName, names.Contact))
            {
                if (cards.Count == MaxContacts)
                {
                    throw new PhonebookFormatException(lineInfo.LineNumber, $"more than {MaxContacts} contacts");
                }

                cards.Add(contact.Read(xml, lineInfo.LineNumber));
            }
        }

        return cards;
    }
}
