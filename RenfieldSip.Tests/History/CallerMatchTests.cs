using RenfieldSip.Monitor.History;

namespace RenfieldSip.Tests.History;

public sealed class CallerMatchTests
{
    private static readonly CallRecord Oma = new() { CallId = "1", StartedAt = DateTimeOffset.UnixEpoch, CallerNumber = "+49 170 5555555", CallerName = "Oma Helga" };
    private static readonly CallRecord Withheld = new() { CallId = "2", StartedAt = DateTimeOffset.UnixEpoch, Withheld = true };
    private static readonly CallRecord Redacted = new() { CallId = "3", StartedAt = DateTimeOffset.UnixEpoch, CallerNumber = "+** *** *****55", CallerName = "Oma Helga" };

    [Theory]
    [InlineData("Oma")]
    [InlineData("helga")]
    [InlineData("+49 170 5555555")]
    [InlineData("0049 170 5555555")]
    [InlineData("0170 5555555")]
    [InlineData("5555555")]
    public void A_name_part_or_the_trailing_digits_find_the_caller(string asked) => Assert.True(CallerMatch.Parse(asked)!.Matches(Oma));

    [Theory]
    [InlineData("Opa")]
    [InlineData("0171 5555555")]
    [InlineData("+44 170 5555555")]
    public void Another_name_or_number_does_not(string asked) => Assert.False(CallerMatch.Parse(asked)!.Matches(Oma));

    [Theory]
    [InlineData("anonym")]
    [InlineData("9876543")]
    public void A_withheld_caller_matches_nothing(string asked) => Assert.False(CallerMatch.Parse(asked)!.Matches(Withheld));

    [Fact]
    public void Numbers_from_the_phonebook_widen_a_name_to_that_persons_calls() =>
        Assert.True(CallerMatch.Parse("Mama")!.OrFrom(["+49 170 5555555"]).Matches(Oma));

    [Fact]
    public void With_redacted_numbers_only_the_name_matches()
    {
        Assert.False(CallerMatch.Parse("0170 5555555")!.Matches(Redacted));
        Assert.True(CallerMatch.Parse("Oma")!.Matches(Redacted));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12")]
    [InlineData("+0")]
    public void Too_few_digits_and_no_name_is_no_match_at_all(string asked) => Assert.Null(CallerMatch.Parse(asked));
}
