using System.Xml;

namespace RenfieldSip.Monitor.Phonebooks.Formats;

/// <summary>
/// The element names of the AVM export, atomized in the reader's name table: a name is then recognised by
/// reference, without comparing characters for every element of a large book.
/// </summary>
internal sealed class FritzBoxNames(XmlNameTable table)
{
    public string Phonebooks { get; } = table.Add("phonebooks");

    public string Phonebook { get; } = table.Add("phonebook");

    public string Contact { get; } = table.Add("contact");

    public string Category { get; } = table.Add("category");

    public string Person { get; } = table.Add("person");

    public string RealName { get; } = table.Add("realName");

    public string Telephony { get; } = table.Add("telephony");

    public string Number { get; } = table.Add("number");

    public static bool Is(string localName, string atom) => ReferenceEquals(localName, atom);
}
