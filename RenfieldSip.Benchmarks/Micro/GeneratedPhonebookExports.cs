using System.Globalization;
using System.Text;

namespace RenfieldSip.Benchmarks.Micro;

/// <summary>
/// Large phonebook exports shaped like the real ones: a Google Contacts vCard 3.0 file and an AVM Fritz!Box XML
/// export, two numbers per contact, German names with umlauts, every tenth contact in a group and with a folded note.
/// One source for <c>PhonebookFormatBenchmarks</c> and the test that checks these inputs parse completely.
/// </summary>
internal static class GeneratedPhonebookExports
{
    public const int Contacts = 10_000;

    private static readonly string[] GivenNames = ["Jürgen", "Käthe", "Jörg", "Björn", "Max", "Erika", "Günther", "Özlem"];
    private static readonly string[] FamilyNames = ["Müller", "Schröder", "Weiß", "Bäcker", "Groß", "Mustermann", "Köhler", "Hoffmann"];

    public static string GivenName(int contact) => GivenNames[contact % GivenNames.Length];

    public static string FamilyName(int contact) => $"{FamilyNames[contact / GivenNames.Length % FamilyNames.Length]} {contact}";

    public static string Mobile(int contact) => string.Create(CultureInfo.InvariantCulture, $"+49 170 {1_000_000 + contact}");

    public static string Landline(int contact) => string.Create(CultureInfo.InvariantCulture, $"030 {2_000_000 + contact}");

    public static string VCard(int contacts = Contacts)
    {
        var text = new StringBuilder(contacts * 320);
        for (var contact = 0; contact < contacts; contact++)
        {
            text.Append("BEGIN:VCARD\r\nVERSION:3.0\r\n")
                .Append("FN:").Append(GivenName(contact)).Append(' ').Append(FamilyName(contact)).Append("\r\n")
                .Append("N:").Append(FamilyName(contact)).Append(';').Append(GivenName(contact)).Append(";;;\r\n")
                .Append("EMAIL;TYPE=INTERNET;TYPE=HOME:kontakt").Append(contact).Append("@example.de\r\n")
                .Append("TEL;TYPE=CELL:").Append(Mobile(contact)).Append("\r\n")
                .Append("item1.TEL:").Append(Landline(contact)).Append("\r\n")
                .Append("item1.X-ABLabel:Festnetz\r\n")
                .Append("ADR;TYPE=HOME:;;Hauptstraße ").Append(contact % 200).Append(";Berlin;;10115;Deutschland\r\n");
            if (contact % 10 == 0)
            {
                text.Append("NOTE:Ruft meistens abends an\\, bitte nicht vor 18 Uhr zurückrufen. Google faltet\r\n")
                    .Append("  lange Zeilen nach 75 Zeichen\\nund setzt sie mit einem Leerzeichen fort.\r\n")
                    .Append("CATEGORIES:myContacts,Familie\r\n");
            }

            text.Append("END:VCARD\r\n");
        }

        return text.ToString();
    }

    /// <summary>The same contacts as a <c>phonebook.yaml</c>, two entries per contact.</summary>
    public static string Yaml(int contacts = Contacts)
    {
        var text = new StringBuilder(contacts * 90).Append("contacts:\n");
        for (var contact = 0; contact < contacts; contact++)
        {
            var name = GivenName(contact) + " " + FamilyName(contact);
            text.Append("  \"").Append(Mobile(contact)).Append("\": \"").Append(name).Append("\"\n")
                .Append("  \"").Append(Landline(contact)).Append("\": { name: \"").Append(name).Append("\", groups: [Familie] }\n");
        }

        return text.ToString();
    }

    /// <summary>The vCard export as a CardDAV server hands it out: one card per resource.</summary>
    public static string[] VCardResources(int contacts = Contacts) =>
        [.. VCard(contacts).Split("END:VCARD\r\n", StringSplitOptions.RemoveEmptyEntries).Select(card => card + "END:VCARD\r\n")];

    public static string FritzBox(int contacts = Contacts)
    {
        var text = new StringBuilder(contacts * 400);
        text.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<phonebooks>\n<phonebook owner=\"1\" name=\"Telefonbuch\">\n");
        for (var contact = 0; contact < contacts; contact++)
        {
            text.Append("<contact><category>").Append(contact % 10 == 0 ? 1 : 0).Append("</category><person><realName>")
                .Append(GivenName(contact)).Append(' ').Append(FamilyName(contact))
                .Append("</realName></person><uniqueid>").Append(contact + 1).Append("</uniqueid>\n")
                .Append("<telephony nid=\"2\"><number type=\"mobile\" prio=\"1\" id=\"0\">").Append(Mobile(contact))
                .Append("</number><number type=\"home\" prio=\"0\" id=\"1\">").Append(Landline(contact))
                .Append("</number></telephony>\n<services /><setup /><mod_time>1700000000</mod_time></contact>\n");
        }

        text.Append("</phonebook>\n</phonebooks>\n");
        return text.ToString();
    }
}
