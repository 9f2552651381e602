using System.Text;
using RenfieldSip.Monitor.Calls;
using RenfieldSip.Monitor.Identity;

namespace RenfieldSip.Tests.Calls;

public sealed class PresentationParsingTests
{
    [Theory]
    [InlineData("0 (Presentation Allowed, Not Screened)", "Allowed")]
    [InlineData("1 (Presentation Allowed, Passed Screen)", "Allowed")]
    [InlineData("32 (Presentation Prohibited, Not Screened)", "Withheld")]
    [InlineData("35 (Presentation Prohibited, Network Number)", "Withheld")]
    [InlineData("67 (Number Unavailable)", "Unknown")]
    [InlineData("", "Unknown")]
    [InlineData("garbage", "Unknown")]
    [InlineData("99999999999999999999", "Unknown")]
    public void Cid_calling_pres_is_read_from_its_number(string value, string expected) =>
        Assert.Equal(Enum.Parse<CallerPresentation>(expected), AmiCallEventDispatcher.ParseCallingPres(Encoding.ASCII.GetBytes(value)));

    [Theory]
    [InlineData("allowed_not_screened", "Allowed")]
    [InlineData("allowed", "Allowed")]
    [InlineData("prohib_not_screened", "Withheld")]
    [InlineData("prohib", "Withheld")]
    [InlineData("unavailable", "Unknown")]
    [InlineData("", "Unknown")]
    public void Dialplan_presentation_names_are_understood(string value, string expected) =>
        Assert.Equal(Enum.Parse<CallerPresentation>(expected), AmiCallEventDispatcher.ParsePresentationName(Encoding.ASCII.GetBytes(value)));
}
