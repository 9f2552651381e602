using RenfieldSip.Monitor.Text;

namespace RenfieldSip.Tests.Text;

public sealed class UntrustedTextTests
{
    [Theory]
    [InlineData("Max\r\nMustermann", "Max Mustermann")]
    [InlineData("  Max \t  Mustermann  ", "Max Mustermann")]
    [InlineData("Max\0\u001b[31mMustermann", "Max[31mMustermann")]
    [InlineData("Evil\u202Eelif.exe", "Evilelif.exe")]
    [InlineData("\"}, \"urgency\": \"critical", "\"}, \"urgency\": \"critical")]
    [InlineData("Zoë 👩‍👩‍👧", "Zoë 👩‍👩‍👧")]
    [InlineData("\r\n\t", "")]
    public void Names_lose_control_characters_and_extra_whitespace(string raw, string expected)
    {
        Assert.Equal(expected, UntrustedText.SanitizeName(raw));
    }

    [Fact]
    public void A_long_name_is_cut_between_text_elements_with_an_ellipsis()
    {
        var raw = new string('a', 62) + "👩‍👩‍👧" + "tail";

        var name = UntrustedText.SanitizeName(raw);

        Assert.Equal(new string('a', 62) + "…", name);
        Assert.True(name.Length <= UntrustedText.MaxNameLength);
    }

    [Fact]
    public void One_endless_text_element_is_still_bounded()
    {
        var raw = "a" + string.Concat(Enumerable.Repeat("\u0301", 10_000));

        var name = UntrustedText.SanitizeName(raw);

        Assert.InRange(name.Length, 2, UntrustedText.MaxNameLength);
        Assert.EndsWith("…", name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+49 170 1234567", "+491701234567")]
    [InlineData("  +49\r\n170", "+49170")]
    [InlineData("49+170", "49170")]
    [InlineData("tel:0170-123", "0170123")]
    [InlineData("abc", null)]
    public void Numbers_keep_only_digits_and_a_leading_plus(string raw, string? expected)
    {
        Assert.Equal(expected, UntrustedText.CleanNumber(raw));
    }

    [Fact]
    public void Numbers_keep_at_most_32_digits()
    {
        Assert.Equal(new string('1', UntrustedText.MaxNumberDigits), UntrustedText.CleanNumber(new string('1', 10_000)));
    }
}
