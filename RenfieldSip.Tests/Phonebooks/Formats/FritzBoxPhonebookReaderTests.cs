using System.Text;
using RenfieldSip.Monitor.Phonebooks.Formats;

namespace RenfieldSip.Tests.Phonebooks.Formats;

public sealed class FritzBoxPhonebookReaderTests
{
    // As FRITZ!OS 7 exports it (Telefonie > Telefonbuch > Sichern): two phonebooks, one line per contact section.
    private const string Export = """
        <?xml version="1.0" encoding="utf-8"?>
        <phonebooks>
        <phonebook owner="1" name="Telefonbuch">
        <contact><category>1</category><person><realName>Jürgen Müller</realName><imageURL>file:///var/media/ftp/FRITZ/fonpix/1.jpg</imageURL></person><uniqueid>1</uniqueid>
        <telephony nid="4"><number type="home" prio="1" id="0">030123456</number><number type="mobile" prio="0" id="1">0170 1234567</number><number type="work" id="2">+49 89 987654</number><number type="fax_work" id="3">030 1234599</number></telephony>
        <services nid="1"><email classifier="private" id="0">juergen@example.de</email></services><setup /><mod_time>1700000000</mod_time></contact>
        <contact><category>0</category><person><realName>Käthe Schröder &amp; Söhne</realName></person><uniqueid>2</uniqueid>
        <telephony nid="3"><number type="intern" prio="0" id="0">**610</number><number type="memo" id="1">0171 9876543</number><number type="other" id="2"> 0800 1234567 </number></telephony>
        <services /><setup /><mod_time>1700000001</mod_time></contact>
        </phonebook>
        <phonebook owner="2" name="Arbeit">
        <contact><category>0</category><person><realName><![CDATA[Straßenbau Weiß GmbH]]></realName></person><uniqueid>3</uniqueid>
        <telephony nid="1"><number type="work" prio="1" id="0">+49 40 5555-0</number></telephony>
        <services /><setup /><mod_time>1700000002</mod_time></contact>
        </phonebook>
        </phonebooks>

        """;

    private static readonly string[] Expected =
    [
        "4|Jürgen Müller|030123456,0170 1234567,+49 89 987654,030 1234599|Wichtig",
        "7|Käthe Schröder & Söhne|**610,0171 9876543,0800 1234567|",
        "12|Straßenbau Weiß GmbH|+49 40 5555-0|",
    ];

    [Fact]
    public void A_realistic_export_gives_every_number_of_every_type_from_every_phonebook()
    {
        Assert.Equal(Expected, ContactCards.Describe(Read(Export)));
    }

    [Fact]
    public void The_same_export_reads_alike_from_utf8_bytes_with_crlf_and_one_char_at_a_time()
    {
        Assert.Equal(Expected, ContactCards.Describe(FritzBoxPhonebookReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(Export)))));
        Assert.Equal(Expected, ContactCards.Describe(Read(VCardExports.Crlf(Export))));
        Assert.Equal(Expected, ContactCards.Describe(FritzBoxPhonebookReader.Read(new OneCharTextReader(Export))));
    }

    [Fact]
    public void An_iso_8859_1_export_from_an_older_box_is_decoded_as_its_declaration_says()
    {
        var latin1 = Encoding.Latin1.GetBytes(Export.Replace("encoding=\"utf-8\"", "encoding=\"ISO-8859-1\"", StringComparison.Ordinal));

        Assert.Equal(Expected, ContactCards.Describe(FritzBoxPhonebookReader.Read(new MemoryStream(latin1))));
    }

    [Theory]
    [InlineData("<phonebooks />")]
    [InlineData("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<phonebooks>\n<phonebook owner=\"1\" name=\"Telefonbuch\" />\n</phonebooks>\n")]
    [InlineData("<phonebooks><phonebook owner=\"1\" name=\"Telefonbuch\"></phonebook></phonebooks>")]
    public void An_empty_phonebook_has_no_contacts(string xml)
    {
        Assert.Empty(Read(xml));
    }

    [Fact]
    public void A_contact_without_name_or_numbers_is_still_returned()
    {
        var card = Assert.Single(Read("<phonebooks><phonebook>\n<contact><category /><person><realName>  </realName></person><telephony nid=\"0\" /></contact></phonebook></phonebooks>"));

        Assert.Equal("2|||", ContactCards.Describe(card));
    }

    [Fact]
    public void Broken_xml_names_its_line()
    {
        var broken = Export.Replace("0800 1234567 </number>", "0800 1234567 </numbr>", StringComparison.Ordinal);

        var failure = Assert.Throws<PhonebookFormatException>(() => Read(broken));

        Assert.Equal(8, failure.Line);
        Assert.IsType<System.Xml.XmlException>(failure.InnerException);
    }

    [Fact]
    public void A_file_cut_off_after_the_last_contact_is_an_error_too()
    {
        var cut = Export[..Export.IndexOf("</phonebook>\n</phonebooks>", StringComparison.Ordinal)];

        Assert.Throws<PhonebookFormatException>(() => Read(cut));
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData("<?xml version=\"1.0\"?>\n<!-- nur ein Kommentar -->\n", 3)]
    public void A_document_without_a_root_element_names_where_it_ends(string xml, int line)
    {
        var failure = Assert.Throws<PhonebookFormatException>(() => Read(xml));

        Assert.Equal(line, failure.Line);
    }

    [Theory]
    [InlineData("<!DOCTYPE phonebooks [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>")]
    [InlineData("<!DOCTYPE phonebooks [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>")]
    [InlineData("<!DOCTYPE phonebooks SYSTEM \"http://127.0.0.1:9/phonebook.dtd\">")]
    public void A_document_type_declaration_is_refused_before_any_entity_is_expanded(string doctype)
    {
        var xml = $"<?xml version=\"1.0\"?>\n{doctype}\n<phonebooks><phonebook><contact><person><realName>&xxe;</realName></person></contact></phonebook></phonebooks>";

        var failure = Assert.Throws<PhonebookFormatException>(() => FritzBoxPhonebookReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml))));

        Assert.Equal(2, failure.Line);
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?>\n<addressbook><contact /></addressbook>", 2)]
    [InlineData("<!-- Telefonbuch -->\n\n<html><body /></html>", 3)]
    public void Another_root_element_is_not_a_Fritz_Box_export(string xml, int line)
    {
        var failure = Assert.Throws<PhonebookFormatException>(() => Read(xml));

        Assert.Equal(line, failure.Line);
        Assert.Contains("not a Fritz!Box phonebook export", failure.Reason, StringComparison.Ordinal);
    }

    private static IReadOnlyList<ContactCard> Read(string xml) => FritzBoxPhonebookReader.Read(new StringReader(xml));
}
