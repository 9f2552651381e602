using RenfieldSip.Monitor.Identity;
using RenfieldSip.Monitor.Text;

namespace RenfieldSip.Tests.Identity;

public sealed class CallerIdentifierTests
{
    private readonly CallerIdentifier _identifier = new(
        IdentityTestData.Normalizer(), new StaticPhonebookSource(IdentityTestData.Parse(IdentityTestData.ExamplePhonebook)));

    [Theory]
    [InlineData("+491701234567")]
    [InlineData("0049 170 1234567")]
    [InlineData("01701234567")]
    public void A_phonebook_number_in_any_form_is_the_contact(string number)
    {
        var identity = _identifier.Identify(number, "Spoofed Name", CallerPresentation.Allowed);

        Assert.Equal(new CallerIdentity(CallerKind.Contact, "Max Mustermann", "+49 170 1234567", "+491701234567", identity.Contact), identity);
        Assert.Equal(("Max Mustermann", "test.yaml"), (identity.Contact?.Name, identity.Contact?.Source));
    }

    [Fact]
    public void A_national_phonebook_entry_matches_the_international_caller_id()
    {
        var identity = _identifier.Identify("+49 170 5555555", "<unknown>", CallerPresentation.Allowed);

        Assert.Equal(CallerKind.Contact, identity.Kind);
        Assert.Equal("Oma Helga", identity.Name);
    }

    [Fact]
    public void An_unknown_number_is_shown_formatted()
    {
        var identity = _identifier.Identify("+491609999999", "<unknown>", CallerPresentation.Allowed);

        Assert.Equal(new CallerIdentity(CallerKind.NumberOnly, null, "+49 160 9999999", "+491609999999"), identity);
    }

    [Fact]
    public void Without_a_reported_presentation_the_number_is_used()
    {
        var identity = _identifier.Identify("+491609999999", null, CallerPresentation.Unknown);

        Assert.Equal(CallerKind.NumberOnly, identity.Kind);
    }

    [Fact]
    public void A_usable_network_name_names_an_unknown_number()
    {
        var identity = _identifier.Identify("+493055501234", "Praxis Beispiel", CallerPresentation.Allowed);

        Assert.Equal(new CallerIdentity(CallerKind.Named, "Praxis Beispiel", "+49 30 55501234", "+493055501234"), identity);
    }

    [Theory]
    [InlineData("+493055501234")]
    [InlineData("030 555 01234")]
    [InlineData("Anonymous")]
    [InlineData("UNKNOWN")]
    [InlineData("<unknown>")]
    [InlineData(" \r\n ")]
    public void A_display_name_that_is_the_number_or_a_placeholder_is_not_a_name(string name)
    {
        var identity = _identifier.Identify("+493055501234", name, CallerPresentation.Allowed);

        Assert.Equal(CallerKind.NumberOnly, identity.Kind);
        Assert.Null(identity.Name);
    }

    [Theory]
    [InlineData("+491701234567", "Max Mustermann")]
    [InlineData("+491709876543", "<unknown>")]
    [InlineData("anonymous", "Anonymous")]
    public void A_withheld_presentation_reveals_nothing(string number, string name)
    {
        var identity = _identifier.Identify(number, name, CallerPresentation.Withheld);

        Assert.Equal(new CallerIdentity(CallerKind.Withheld, null, null, null), identity);
    }

    [Theory]
    [InlineData("anonymous")]
    [InlineData("Anonymous")]
    [InlineData("restricted")]
    [InlineData("PRIVATE")]
    [InlineData("withheld")]
    [InlineData("anonymous@anonymous.invalid")]
    public void A_withheld_marker_as_number_is_withheld(string number)
    {
        var identity = _identifier.Identify(number, "Max Mustermann", CallerPresentation.Allowed);

        Assert.Equal(new CallerIdentity(CallerKind.Withheld, null, null, null), identity);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<unknown>")]
    [InlineData("unknown")]
    [InlineData("Unavailable")]
    [InlineData("s")]
    public void No_usable_number_is_unknown(string? number)
    {
        var identity = _identifier.Identify(number, "Caller One", CallerPresentation.Allowed);

        Assert.Equal(new CallerIdentity(CallerKind.Unknown, null, null, null), identity);
    }

    public static TheoryData<string, string> HostileCallerIds => new()
    {
        { "+49170\r\nAction: Logoff\r\n\r\n", "Max\r\nMustermann\r\nEvent: Hangup" },
        { "+49170<script>1234567", "\"}],\"urgency\":\"critical\",\"x\":[{\"" },
        { new string('9', 10_000), new string('A', 10_000) },
        { "+" + string.Concat(Enumerable.Repeat("1 ", 5_000)), string.Concat(Enumerable.Repeat("\u0000\u0007\u001b\u007f\u0085\u2028", 2_000)) },
        { "\ud800+4930\udfff123456", "\ud800Name\udbff" },
        { "0" + new string('\u0661', 40), "👩‍👩‍👧" + string.Concat(Enumerable.Repeat("\u0301", 5_000)) },
    };

    [Theory]
    [MemberData(nameof(HostileCallerIds))]
    public void Hostile_caller_ids_come_out_bounded_and_clean(string number, string name)
    {
        var identity = _identifier.Identify(number, name, CallerPresentation.Allowed);

        if (identity.Name is { } shownName)
        {
            Assert.InRange(shownName.Length, 1, UntrustedText.MaxNameLength);
            Assert.DoesNotContain(shownName, char.IsControl);
            Assert.False(HasLoneSurrogate(shownName), "lone surrogate in the name");
            Assert.Equal(shownName.Trim(), shownName);
            Assert.DoesNotContain("  ", shownName, StringComparison.Ordinal);
        }

        if (identity.DisplayNumber is { } shownNumber)
        {
            Assert.Matches(@"^\+?[0-9 ]+$", shownNumber);
            Assert.InRange(shownNumber.Count(char.IsAsciiDigit), 1, UntrustedText.MaxNumberDigits);
        }
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogatePair(text, i))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
