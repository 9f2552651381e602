namespace RenfieldSip.Tests.Identity;

public sealed class PhoneNumberNormalizerTests
{
    [Theory]
    [InlineData("+49 170 1234567")]
    [InlineData("0049 170 1234567")]
    [InlineData("0170 1234567")]
    [InlineData("+491701234567")]
    [InlineData("+49 (170) 123-4567")]
    public void The_four_forms_are_one_number(string raw)
    {
        var number = IdentityTestData.Normalizer().Normalize(raw);

        Assert.NotNull(number);
        Assert.Equal("+491701234567", number.E164);
        Assert.Equal("+491701234567", number.Key);
        Assert.Equal("+49 170 1234567", number.Display);
    }

    [Fact]
    public void A_national_number_belongs_to_the_configured_region()
    {
        var number = IdentityTestData.Normalizer("AT").Normalize("0664 1234567");

        Assert.Equal("+436641234567", number?.E164);
    }

    [Theory]
    [InlineData("100", "100")]
    [InlineData("**21#", "21")]
    public void An_unparseable_number_keeps_its_cleaned_digits(string raw, string expected)
    {
        var number = IdentityTestData.Normalizer().Normalize(raw);

        Assert.NotNull(number);
        Assert.Null(number.E164);
        Assert.Equal(expected, number.Display);
        Assert.Equal(expected, number.Key);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("anonymous")]
    [InlineData("<unknown>")]
    public void Text_without_a_digit_is_no_number(string? raw)
    {
        Assert.Null(IdentityTestData.Normalizer().Normalize(raw));
    }
}
