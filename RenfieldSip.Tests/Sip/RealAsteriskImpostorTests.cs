using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Sip;

/// <summary>
/// A stranger on the network who knows this repository: an INVITE without the registration's <c>;line=</c> token,
/// sent from the provider's own host, whose From user names a section of pjsip.conf (Asterisk's username identifier
/// looks an endpoint up by the From user) and whose P-Asserted-Identity carries the number it wants spoken. Each must be
/// refused before the dialplan, while the provider's call on the line right after it is still announced.
/// </summary>
[Collection(RealAsteriskTier.Name)]
public sealed class RealAsteriskImpostorTests(SipRigFixture fixture) : IClassFixture<SipRigFixture>
{
    private static readonly TimeSpan Announced = TimeSpan.FromSeconds(60);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("sip-provider-endpoint", "+4915100000011", "+4917099990011")]
    [InlineData("anonymous", "+4915100000012", "+4917099990012")]
    [InlineData("sip-provider-auth", "+4915100000013", "+4917099990013")]
    [InlineData("sip-provider-aor", "+4915100000014", "+4917099990014")]
    [InlineData("sip-provider", "+4915100000015", "+4917099990015")]
    [InlineData("transport-udp", "+4915100000016", "+4917099990016")]
    public async Task An_INVITE_without_the_line_token_whose_From_user_names_a_section_is_refused_before_the_dialplan(
        string fromUser, string impostor, string sentinel)
    {
        var rig = fixture.Rig;
        var refusedBefore = SipEdgeLog.CountNoMatchingEndpoint(rig);

        var exit = await rig.SendAsync(
            "impostor-invite.xml",
            ["-key", "ruri", $"sip:+4930123456@127.0.0.1:{rig.Asterisk.SipPort}", "-key", "fromuser", fromUser, "-key", "caller", impostor, "-m", "1"],
            "127.0.0.1",
            Cancellation);

        // The provider's call afterwards: once it is announced, anything the refused INVITE had started would have been too.
        var sentinelExit = await rig.CallAsync(rig.LineUri("+4930123456", fixture.Line), [(sentinel, "Sentinel", "+4930123456")], Cancellation);
        await rig.Renfield.WaitForAsync(all => all.Any(r => r.CallerDigits == PhoneDigits.Of(sentinel)), $"the announcement of {sentinel}", Announced);

        Assert.True(exit == 0, $"sipp expected 401 or 403 for From user '{fromUser}', exit {exit}.");
        Assert.Equal(0, sentinelExit);
        Assert.Equal(1, SipEdgeLog.CountNoMatchingEndpoint(rig) - refusedBefore);
        Assert.DoesNotContain(rig.Renfield.Requests, r => r.CallerDigits == PhoneDigits.Of(impostor));
    }
}
