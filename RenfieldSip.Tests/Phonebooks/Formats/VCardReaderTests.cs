using System.Text;
using RenfieldSip.Monitor.Phonebooks.Formats;

namespace RenfieldSip.Tests.Phonebooks.Formats;

public sealed class VCardReaderTests
{
    [Fact]
    public void A_Google_export_gives_names_every_tel_including_item_groups_and_categories()
    {
        var cards = Read(VCardExports.Google);

        Assert.Equal(
            [
                "1|Jürgen Müller|+49 170 1234567,030 123456,+49 89 987654|myContacts,Familie",
                "16|Straßenbau Weiß GmbH|+49 40 5555-0|myContacts",
            ],
            ContactCards.Describe(cards));
    }

    [Fact]
    public void An_iCloud_export_skips_the_folded_photo()
    {
        var card = Assert.Single(Read(VCardExports.ICloud));

        Assert.Equal("1|Günther Weiß|+49 171 2345678,+49 40 1234567|Familie,Bäcker", ContactCards.Describe(card));
    }

    [Fact]
    public void An_Android_2_1_export_decodes_utf8_quoted_printable_and_composes_a_name_from_N()
    {
        var cards = Read(VCardExports.Android);

        Assert.Equal(
            [
                "1|Jürgen Müller|+491701234567,030123456|",
                "30|Käthe Maria Schröder|+4917198765432|",
            ],
            ContactCards.Describe(cards));
    }

    [Fact]
    public void An_old_Nokia_export_decodes_latin1_quoted_printable_across_soft_line_breaks()
    {
        var card = Assert.Single(Read(VCardExports.Nokia));

        Assert.Equal("1|Großmutter Hildegard Schröder-Müller|+4917012345678,0891234567|Freunde,Sportverein Grün-Weiß", ContactCards.Describe(card));
    }

    [Fact]
    public void A_Nextcloud_4_0_card_with_crlf_gives_the_number_of_each_tel_uri_and_unescaped_categories()
    {
        var card = Assert.Single(Read(VCardExports.Crlf(VCardExports.Nextcloud)));

        Assert.Equal("Jörg Köhler", card.Name);
        Assert.Equal(["+49-170-1234567", "+49-89-987654", "+49-30-123456"], card.Numbers);
        Assert.Equal(["Arbeit", "Freunde, alte", @"Verein\Sport"], card.Groups);
    }

    [Theory]
    [MemberData(nameof(VCardExports.All), MemberType = typeof(VCardExports))]
    public void Every_export_reads_the_same_with_lf_crlf_or_cr_line_breaks(string export)
    {
        var lf = VCardExports.Named(export);

        var expected = ContactCards.Describe(Read(lf));

        Assert.NotEmpty(expected);
        Assert.Equal(expected, ContactCards.Describe(Read(VCardExports.Crlf(lf))));
        Assert.Equal(expected, ContactCards.Describe(Read(VCardExports.Cr(lf))));
    }

    [Theory]
    [MemberData(nameof(VCardExports.All), MemberType = typeof(VCardExports))]
    public void Every_export_reads_the_same_when_the_text_arrives_one_char_at_a_time(string export)
    {
        var crlf = VCardExports.Crlf(VCardExports.Named(export));

        var expected = ContactCards.Describe(Read(crlf));

        Assert.Equal(expected, ContactCards.Describe(VCardReader.Read(new OneCharTextReader(crlf))));
    }

    [Theory]
    [MemberData(nameof(VCardExports.All), MemberType = typeof(VCardExports))]
    public void Every_export_reads_the_same_from_utf8_bytes_with_or_without_a_byte_order_mark(string export)
    {
        var text = VCardExports.Crlf(VCardExports.Named(export));
        var expected = ContactCards.Describe(Read(text));

        Assert.Equal(expected, ContactCards.Describe(VCardReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)))));
        Assert.Equal(expected, ContactCards.Describe(VCardReader.Read(new MemoryStream([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]))));
        Assert.Equal(expected, ContactCards.Describe(Read("\uFEFF" + text)));
    }

    [Fact]
    public void The_name_falls_back_from_an_empty_FN_to_N_then_to_the_first_ORG_component()
    {
        var cards = Read("""
            BEGIN:VCARD
            VERSION:3.0
            FN:
            N:Stevenson;John;Philip,Paul;Dr.;Jr.
            END:VCARD
            BEGIN:VCARD
            VERSION:3.0
            N:;;;;
            ORG:Müller\; Söhne KG;Vertrieb
            END:VCARD
            BEGIN:VCARD
            VERSION:3.0
            TEL:+49 170 1234567
            END:VCARD
            """);

        Assert.Equal(["John Philip Paul Stevenson", "Müller; Söhne KG", null], cards.Select(card => card.Name));
    }

    [Fact]
    public void A_card_without_a_name_or_without_a_tel_is_still_returned()
    {
        var cards = Read("BEGIN:VCARD\nVERSION:3.0\nFN:Nur Name\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nTEL:0170 1234567\nEND:VCARD\n");

        Assert.Equal(["1|Nur Name||", "5||0170 1234567|"], ContactCards.Describe(cards));
    }

    [Fact]
    public void Text_escapes_are_undone_and_unknown_escapes_keep_their_backslash()
    {
        var card = Assert.Single(Read("BEGIN:VCARD\nVERSION:3.0\nFN:Müller\\, Jürgen \\\\ Büro\\: \\d\nEND:VCARD\n"));

        Assert.Equal(@"Müller, Jürgen \ Büro: \d", card.Name);
    }

    [Fact]
    public void Names_and_parameters_are_case_insensitive_and_unknown_ones_are_ignored()
    {
        var card = Assert.Single(Read("""
            begin:vcard
            version:3.0
            x-unknown;x-param="a;b:c":whatever
            Fn;Language=de:Erika Mustermann
            tel;x-foo=bar;type=cell:0171 2345678
            categories:Kollegen
            End:VCard
            """));

        Assert.Equal("1|Erika Mustermann|0171 2345678|Kollegen", ContactCards.Describe(card));
    }

    [Theory]
    [InlineData("CHARSET=windows-1252", "=84Anf=FChrung=93 =80", "„Anführung“ €")]
    [InlineData("CHARSET=ISO-8859-1", "J=FCrgen =80", "Jürgen €")]
    [InlineData("CHARSET=latin1", "Wei=DF", "Weiß")]
    [InlineData("CHARSET=ISO-8859-15", "=A4 =BD", "€ œ")]
    [InlineData("CHARSET=UTF-8", "M=c3=bcller", "Müller")]
    [InlineData("", "M=C3=BCller", "Müller")]
    [InlineData("", "M=FCller", "Müller")]
    [InlineData("CHARSET=US-ASCII", "Max", "Max")]
    [InlineData("CHARSET=UTF-8", "Jürgen M=C3=BCller", "Jürgen Müller")]
    public void Quoted_printable_bytes_are_decoded_in_their_charset(string charset, string value, string name)
    {
        var parameters = charset.Length == 0 ? "ENCODING=QUOTED-PRINTABLE" : $"ENCODING=QUOTED-PRINTABLE;{charset}";

        var card = Assert.Single(Read($"BEGIN:VCARD\nVERSION:2.1\nFN;{parameters}:{value}\nEND:VCARD\n"));

        Assert.Equal(name, card.Name);
    }

    [Fact]
    public void Blank_lines_between_and_around_cards_are_ignored()
    {
        var cards = Read("\n\n  \nBEGIN:VCARD\nVERSION:3.0\nFN:A\n\nEND:VCARD\n\n\t\nBEGIN:VCARD\nFN:B\nEND:VCARD");

        Assert.Equal(["4|A||", "11|B||"], ContactCards.Describe(cards));
    }

    [Fact]
    public void An_empty_file_has_no_cards()
    {
        Assert.Empty(Read(string.Empty));
        Assert.Empty(Read("\uFEFF"));
    }

    [Fact]
    public void A_photo_of_almost_the_card_cap_is_skipped_without_an_error()
    {
        var photo = string.Concat(Enumerable.Repeat("\n " + new string('A', 75), 12_000));

        var card = Assert.Single(Read($"BEGIN:VCARD\nVERSION:3.0\nFN:Foto\nPHOTO;ENCODING=b;TYPE=JPEG:/9j/{photo}\nTEL:030 123456\nEND:VCARD\n"));

        Assert.Equal("1|Foto|030 123456|", ContactCards.Describe(card));
    }

    private static IReadOnlyList<ContactCard> Read(string text) => VCardReader.Read(new StringReader(text));
}
