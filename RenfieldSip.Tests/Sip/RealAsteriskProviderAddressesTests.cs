using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Sip;

/// <summary>
/// SIP_PROVIDER_ADDRESSES on a real Asterisk: a call without the line token is accepted from the listed provider
/// address and from nowhere else, whatever its From user says.
/// </summary>
[Collection(RealAsteriskTier.Name)]
public sealed class RealAsteriskProviderAddressesTests(ProviderAddressesRigFixture fixture) : IClassFixture<ProviderAddressesRigFixture>
{
    private static readonly TimeSpan Announced = TimeSpan.FromSeconds(60);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_call_without_the_token_from_a_listed_provider_address_is_announced_and_from_any_other_refused()
    {
        var rig = fixture.Rig;
        const string Stranger = "+4915100000031";
        const string Impostor = "+4915100000032";
        var untokened = $"sip:+4930123456@127.0.0.1:{rig.Asterisk.SipPort}";
        var refusedBefore = SipEdgeLog.CountNoMatchingEndpoint(rig);

        var stranger = await rig.SendAsync("scanner-invite.xml", ["-key", "ruri", untokened, "-key", "caller", Stranger, "-m", "1"], "127.0.0.2", Cancellation);
        var impostor = await rig.SendAsync(
            "impostor-invite.xml", ["-key", "ruri", untokened, "-key", "fromuser", "sip-provider-endpoint", "-key", "caller", Impostor, "-m", "1"], "127.0.0.2", Cancellation);
        var provider = await rig.CallAsync(untokened, [("+4917099990031", "Provider", "+4930123456")], Cancellation, sourceAddress: ProviderAddressesRigFixture.ProviderAddress);
        await rig.Renfield.WaitForAsync(all => all.Any(r => r.CallerDigits == PhoneDigits.Of("+4917099990031")), "the provider's call from its listed address", Announced);

        Assert.Equal(0, stranger);
        Assert.Equal(0, impostor);
        Assert.Equal(0, provider);
        Assert.Equal(2, SipEdgeLog.CountNoMatchingEndpoint(rig) - refusedBefore);
        Assert.DoesNotContain(rig.Renfield.Requests, r => r.CallerDigits == PhoneDigits.Of(Stranger) || r.CallerDigits == PhoneDigits.Of(Impostor));
    }
}
