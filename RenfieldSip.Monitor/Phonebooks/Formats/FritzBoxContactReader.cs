using System.Xml;

namespace RenfieldSip.Monitor.Phonebooks.Formats;

/// <summary>
/// One <c>&lt;contact&gt;</c>: <c>category</c>, <c>person/realName</c> and every <c>telephony/number</c>, whatever its
/// type (home, mobile, work, fax_work, intern, memo, other: the phonebook decides what it can dial). Other elements
/// (services, setup, mod_time, uniqueid, images) are read past.
/// </summary>
internal sealed class FritzBoxContactReader(FritzBoxNames names)
{
    /// <summary>The group of a contact the box marks as important (<c>&lt;category&gt;1&lt;/category&gt;</c>).</summary>
    public const string ImportantGroup = "Wichtig";

    private readonly List<string> _numbers = [];

    private enum Field
    {
        None,
        Category,
        RealName,
        Number,
    }

    /// <summary>Reads from the contact's start element to its end element.</summary>
    public ContactCard Read(XmlReader xml, int line)
    {
        _numbers.Clear();
        string? name = null;
        var important = false;
        if (!xml.IsEmptyElement)
        {
            var depth = xml.Depth;
            var section = string.Empty;
            var field = Field.None;
            string? text = null;
            while (xml.Read() && xml.Depth > depth)
            {
                switch (xml.NodeType)
                {
                    case XmlNodeType.Element:
                        text = null;
                        field = FieldOf(xml.Depth - depth, xml.LocalName, ref section);
                        if (xml.IsEmptyElement)
                        {
                            field = Field.None;
                        }

                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace:
                        if (field != Field.None)
                        {
                            text = text is null ? xml.Value : text + xml.Value;
                        }

                        break;
                    case XmlNodeType.EndElement:
                        switch (field)
                        {
                            case Field.Category:
                                important = text.AsSpan().Trim() is "1";
                                break;
                            case Field.RealName when name is null:
                                name = Trimmed(text);
                                break;
                            case Field.Number when Trimmed(text) is { } number:
                                _numbers.Add(number);
                                break;
                        }

                        field = Field.None;
                        text = null;
                        break;
                }
            }
        }

        return new ContactCard(name, _numbers.ToArray(), important ? [ImportantGroup] : [], line);
    }

    private Field FieldOf(int relativeDepth, string localName, ref string section)
    {
        if (relativeDepth == 1)
        {
            section = localName;
            return FritzBoxNames.Is(localName, names.Category) ? Field.Category : Field.None;
        }

        if (relativeDepth == 2 && FritzBoxNames.Is(section, names.Person) && FritzBoxNames.Is(localName, names.RealName))
        {
            return Field.RealName;
        }

        return relativeDepth == 2 && FritzBoxNames.Is(section, names.Telephony) && FritzBoxNames.Is(localName, names.Number) ? Field.Number : Field.None;
    }

    private static string? Trimmed(string? text)
    {
        var trimmed = text.AsSpan().Trim();
        return trimmed.IsEmpty ? null : trimmed.Length == text!.Length ? text : trimmed.ToString();
    }
}
