using RenfieldSip.Monitor.History;

namespace RenfieldSip.Tests.History;

public sealed class CallQueryParserTests
{
    [Fact]
    public void Nothing_given_is_the_newest_50()
    {
        Assert.True(CallQueryParser.TryParse([], null, null, null, null, null, out var query, out _));
        Assert.Equal(CallQuery.Latest, query);
    }

    [Fact]
    public void Every_parameter_is_read()
    {
        Assert.True(CallQueryParser.TryParse(
            ["limit", "before", "from", "to", "outcome"], "10", "1795513386000-2", "2026-11-24T10:00:00+01:00", "2026-11-25T00:00:00Z", ["announced,failed", "ended_before_identity"], out var query, out _));

        Assert.Equal(10, query.Limit);
        Assert.Equal(new RecordId(1795513386000, 2), query.Before);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero), query.From);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero), query.To);
        Assert.Equal([CallOutcome.Announced, CallOutcome.Failed, CallOutcome.EndedBeforeIdentity], query.Outcomes!.Order());
    }

    [Theory]
    [InlineData("limit", "0", null, null, null, null)]
    [InlineData("limit", "501", null, null, null, null)]
    [InlineData("limit", "ten", null, null, null, null)]
    [InlineData("before", null, "yesterday", null, null, null)]
    [InlineData("from", null, null, "soon", null, null)]
    [InlineData("to", null, null, "2026-11-24T10:00:00Z", "2026-11-24T09:00:00Z", null)]
    [InlineData("outcome", null, null, null, null, "announced,maybe")]
    public void A_bad_value_names_its_parameter(string parameter, string? limit, string? before, string? from, string? to, string? outcome)
    {
        Assert.False(CallQueryParser.TryParse([parameter], limit, before, from, to, outcome is null ? null : [outcome], out _, out var error));

        Assert.Equal(("invalid_parameter", parameter), (error!.Error, error.Parameter));
        Assert.StartsWith(parameter + ": ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_parameter_is_refused_rather_than_ignored()
    {
        Assert.False(CallQueryParser.TryParse(["outcomes"], null, null, null, null, null, out _, out var error));

        Assert.Equal("outcomes", error!.Parameter);
        Assert.Contains("limit, before, from, to, outcome", error.Message, StringComparison.Ordinal);
    }
}
