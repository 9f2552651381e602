using RenfieldSip.Monitor.Identity;

namespace RenfieldSip.Tests.Identity;

public sealed class NameMatchTests
{
    [Theory]
    [InlineData("Oma", "Oma Helga", true)]
    [InlineData("oma helga", "Oma Helga", true)]
    [InlineData("Helga", "Oma Helga", true)]
    [InlineData("hel", "Oma Helga", true)]
    [InlineData("Mueller", "Hans Müller", true)]
    [InlineData("müller", "Hans Mueller", true)]
    [InlineData("Strasse", "Anna Straße", true)]
    [InlineData("Opa", "Oma Helga", false)]
    [InlineData("Oma Erna", "Oma Helga", false)]
    [InlineData("elga", "Oma Helga", false)]
    [InlineData("Oma", null, false)]
    public void Every_word_asked_for_starts_a_word_of_the_name(string asked, string? name, bool matches) =>
        Assert.Equal(matches, NameMatch.Parse(asked)!.Matches(name));

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("-- ,")]
    public void Text_without_a_word_is_no_match_at_all(string asked) => Assert.Null(NameMatch.Parse(asked));
}
