using RenfieldSip.Monitor.Text;

namespace RenfieldSip.Tests.Text;

/// <summary>Webhook:Language as the owner writes it, and the codes HTML and Renfield's speech-to-text get back.</summary>
public sealed class LanguageCodeTests
{
    [Theory]
    [InlineData("de", false)]
    [InlineData(" DE ", false)]
    [InlineData("en", true)]
    [InlineData("EN", true)]
    public void The_two_codes_are_read_in_any_case(string code, bool english)
    {
        Assert.True(LanguageCode.TryParse(code, out var language));
        Assert.Equal(english ? Language.English : Language.German, language);
        Assert.Equal(code.Trim().ToLowerInvariant(), LanguageCode.Of(language));
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("deutsch")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_a_language_here(string? code) =>
        Assert.False(LanguageCode.TryParse(code, out _));
}
