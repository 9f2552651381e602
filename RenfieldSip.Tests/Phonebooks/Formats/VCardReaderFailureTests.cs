using RenfieldSip.Monitor.Phonebooks.Formats;

namespace RenfieldSip.Tests.Phonebooks.Formats;

public sealed class VCardReaderFailureTests
{
    public static TheoryData<string, int, string> Broken => new()
    {
        { "FN:Draußen\n", 1, "a property outside a card" },
        { "BEGIN:VCARD\nVERSION:3.0\nFN:A\nEND:VCARD\nFN:B\n", 5, "a property outside a card" },
        { "Hallo, das ist keine vCard\n", 1, "text outside a card" },
        { "END:VCARD\n", 1, "END:VCARD without BEGIN:VCARD" },
        { "BEGIN:VCARD\nVERSION:3.0\nFN:A\nBEGIN:VCARD\nFN:B\nEND:VCARD\n", 4, "BEGIN:VCARD inside the card of line 1" },
        { "BEGIN:VCARD\nVERSION:3.0\nFN:A\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:B\n", 5, "the card has no END:VCARD" },
        { "BEGIN:VCARD\nVERSION:3.0\nNOTE:gefaltet\n und weiter\nTEL +49 170 1234567\nEND:VCARD\n", 5, "no property" },
        { "BEGIN:VCARD\nVERSION:2.1\nFN;ENCODING=QUOTED-PRINTABLE:M=XCller\nEND:VCARD\n", 3, "undecodable quoted-printable" },
        { "BEGIN:VCARD\nVERSION:2.1\nN;QUOTED-PRINTABLE:M=C3=BCller=\n;J=C3=B\nEND:VCARD\n", 3, "undecodable quoted-printable" },
        { "BEGIN:VCARD\nVERSION:2.1\nTEL;HOME:1\nFN;CHARSET=SHIFT_JIS;ENCODING=QUOTED-PRINTABLE:=82=A0\nEND:VCARD\n", 4, "unsupported CHARSET 'SHIFT_JIS'" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Structural_breakage_names_its_line_with_any_line_break_and_any_read_size(string lf, int line, string reason)
    {
        foreach (var text in new[] { lf, VCardExports.Crlf(lf), VCardExports.Cr(lf) })
        {
            foreach (var reader in new TextReader[] { new StringReader(text), new OneCharTextReader(text) })
            {
                var failure = Assert.Throws<PhonebookFormatException>(() => VCardReader.Read(reader));

                Assert.Equal(line, failure.Line);
                Assert.Contains(reason, failure.Reason, StringComparison.Ordinal);
                Assert.StartsWith($"line {line}: ", failure.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void A_card_larger_than_the_cap_fails_at_its_begin_line()
    {
        var text = $"BEGIN:VCARD\nFN:A\nEND:VCARD\nBEGIN:VCARD\nNOTE:{new string('x', VCardReader.MaxCardChars)}\nEND:VCARD\n";

        var failure = Assert.Throws<PhonebookFormatException>(() => VCardReader.Read(new StringReader(text)));

        Assert.Equal(4, failure.Line);
        Assert.Contains("longer than 1 MiB", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folded_photo_larger_than_the_cap_fails_too_although_it_is_not_kept()
    {
        var photo = string.Concat(Enumerable.Repeat("\n " + new string('A', 75), 15_000));

        var failure = Assert.Throws<PhonebookFormatException>(() => VCardReader.Read(new StringReader($"\nBEGIN:VCARD\nPHOTO;ENCODING=b:{photo}\nEND:VCARD\n")));

        Assert.Equal(2, failure.Line);
    }

    [Fact]
    public void Text_without_line_breaks_stops_at_the_cap()
    {
        var failure = Assert.Throws<PhonebookFormatException>(() => VCardReader.Read(new StringReader("\n" + new string('x', 2 * VCardReader.MaxCardChars))));

        Assert.Equal(2, failure.Line);
    }

    [Fact]
    public void More_cards_than_the_cap_fail_at_the_first_card_too_many()
    {
        var text = string.Concat(Enumerable.Repeat("BEGIN:VCARD\nEND:VCARD\n", VCardReader.MaxCards + 1));

        var failure = Assert.Throws<PhonebookFormatException>(() => VCardReader.Read(new StringReader(text)));

        Assert.Equal((2 * VCardReader.MaxCards) + 1, failure.Line);
        Assert.Contains("more than 100000 cards", failure.Reason, StringComparison.Ordinal);
    }
}
