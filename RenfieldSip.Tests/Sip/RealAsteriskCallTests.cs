using System.Net;
using RenfieldSip.Monitor.Trunk;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Sip;

/// <summary>
/// The project's rendered templates on a real Asterisk 20.20.1, registered with digest auth to a sipp provider, and
/// the provider's calls to the registered line announced by the monitor. Every test uses its own callers, so the
/// 30 s dedup window never hides one test's call from another.
/// </summary>
[Collection(RealAsteriskTier.Name)]
public sealed class RealAsteriskCallTests(SipRigFixture fixture) : IClassFixture<SipRigFixture>
{
    private static readonly TimeSpan Announced = TimeSpan.FromSeconds(60);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Registers_with_digest_auth_and_health_says_registered()
    {
        var rig = fixture.Rig;

        await rig.WaitForTrunkAsync(TrunkCondition.Registered, Cancellation);
        var registrations = await rig.Asterisk.CommandAsync("pjsip show registrations", Cancellation);
        var (status, body, text) = await rig.HealthAsync(Cancellation);

        Assert.Matches("^[a-z]+$", fixture.Line);
        Assert.NotEmpty(rig.Provider.Events("REGISTERED"));
        Assert.Empty(rig.Provider.Events("REFUSED"));
        Assert.Contains("Registered", registrations, StringComparison.Ordinal);
        Assert.Equal((int)HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("trunk").GetProperty("status").GetString());
        Assert.Equal($"SIP trunk registered at {rig.Registrar}.", body.GetProperty("checks").GetProperty("trunk").GetProperty("description").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("ami").GetProperty("status").GetString());
        Assert.DoesNotContain(SipRig.SipPassword, text, StringComparison.Ordinal);
        Assert.DoesNotContain(SipRig.SipUsername, text, StringComparison.Ordinal);
        Assert.DoesNotContain(SipRig.AmiSecret, text, StringComparison.Ordinal);
        Assert.Contains(rig.Monitor.Logs.GetSnapshot(), r => r.Id.Id == 1600 && r.Message == $"SIP trunk registered at {rig.Registrar}.");
    }

    [Fact]
    public async Task A_call_to_the_line_with_an_E164_DID_is_announced_with_the_phonebook_name()
    {
        var rig = fixture.Rig;

        var exit = await rig.CallAsync(rig.LineUri("+4930123456", fixture.Line), [("+491701234567", "Max Mustermann", "+4930123456")], Cancellation);
        var request = await WaitForCallerAsync(rig, "+491701234567");

        Assert.Equal(0, exit);
        Assert.Equal("Anruf von Max Mustermann", request.JsonString("title"));
    }

    [Fact]
    public async Task The_number_in_P_Asserted_Identity_wins_over_the_From_header()
    {
        var rig = fixture.Rig;

        var exit = await rig.CallAsync(rig.LineUri("+4930123456", fixture.Line), [("+491705555555", "Helga", "+4930123456")], Cancellation, "provider-invite-pai.xml");
        var request = await WaitForCallerAsync(rig, "+491705555555");

        Assert.Equal(0, exit);
        Assert.Equal("Anruf von Oma Helga", request.JsonString("title"));
        Assert.DoesNotContain(rig.Renfield.Requests, r => r.CallerDigits == "493055501234");
    }

    [Fact]
    public async Task A_call_with_a_national_DID_without_plus_is_announced()
    {
        var rig = fixture.Rig;

        var exit = await rig.CallAsync(rig.LineUri("030123456", fixture.Line), [("01711112222", "Someone", "030123456")], Cancellation);
        var request = await WaitForCallerAsync(rig, "+491711112222");

        Assert.Equal(0, exit);
        Assert.StartsWith("Anruf von ", request.JsonString("title"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_uri_without_a_user_part_is_announced_once_and_does_not_loop()
    {
        var rig = fixture.Rig;

        var exit = await rig.CallAsync(rig.LineUri(null, fixture.Line), [("+4915112345678", "Unbekannt", "unknown")], Cancellation);
        await WaitForCallerAsync(rig, "+4915112345678");
        var channels = await rig.Asterisk.CommandAsync("core show channels count", Cancellation);

        Assert.Equal(0, exit);
        Assert.Single(rig.Renfield.Requests, r => r.CallerDigits == PhoneDigits.Of("+4915112345678"));
        Assert.Contains("0 active calls", channels, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_withheld_caller_with_privacy_and_PAI_is_announced_anonymously_never_by_number()
    {
        var rig = fixture.Rig;
        var before = rig.Renfield.Requests.Count;

        var exit = await rig.CallAsync(rig.LineUri("+4930123456", fixture.Line), [("+491709876543", "Geheim", "+4930123456")], Cancellation, "provider-invite-withheld.xml");
        var requests = await rig.Renfield.WaitForAsync(
            all => all.Skip(before).Any(r => r.JsonString("title") == "Anonymer Anruf"), "the anonymous announcement", Announced);

        Assert.Equal(0, exit);
        Assert.All(requests, r => Assert.DoesNotContain("9876543", System.Text.Encoding.UTF8.GetString(r.Body), StringComparison.Ordinal));
        Assert.All(rig.Monitor.Logs.GetSnapshot(), r => Assert.DoesNotContain("9876543", r.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ten_concurrent_calls_are_each_announced_once()
    {
        var rig = fixture.Rig;
        var callers = Enumerable.Range(1, 10).Select(i => ($"+4917020000{i:00}", $"Caller {i}", "+4930123456")).ToList();

        var exit = await rig.CallAsync(rig.LineUri("+4930123456", fixture.Line), callers, Cancellation);
        var digits = callers.Select(c => PhoneDigits.Of(c.Item1)).ToHashSet(StringComparer.Ordinal);
        await rig.Renfield.WaitForAsync(all => digits.All(d => all.Any(r => r.CallerDigits == d)), "all ten announcements", Announced);

        Assert.Equal(0, exit);
        Assert.All(digits, d => Assert.Single(rig.Renfield.Requests, r => r.CallerDigits == d));
    }

    [Fact]
    public async Task An_INVITE_without_the_line_token_or_from_an_unknown_host_is_refused_before_the_dialplan()
    {
        var rig = fixture.Rig;
        const string Scanner = "+4915100000000";
        var refusedBefore = SipEdgeLog.CountNoMatchingEndpoint(rig);

        // No token from the provider's host, a guessed token, and no token from another host (a scanner).
        var exits = new List<int>
        {
            await rig.SendAsync("scanner-invite.xml", ["-key", "ruri", $"sip:+4930123456@127.0.0.1:{rig.Asterisk.SipPort}", "-key", "caller", Scanner, "-m", "1"], "127.0.0.1", Cancellation),
            await rig.SendAsync("scanner-invite.xml", ["-key", "ruri", rig.LineUri("+4930123456", "guessed"), "-key", "caller", Scanner, "-m", "1"], "127.0.0.1", Cancellation),
            await rig.SendAsync("scanner-invite.xml", ["-key", "ruri", $"sip:100@127.0.0.1:{rig.Asterisk.SipPort}", "-key", "caller", Scanner, "-m", "1"], "127.0.0.2", Cancellation),
        };

        // A real call afterwards: once it is announced, anything the refused INVITEs had started would have been too.
        await rig.CallAsync(rig.LineUri("+4930123456", fixture.Line), [("+4917099990001", "Sentinel", "+4930123456")], Cancellation);
        await WaitForCallerAsync(rig, "+4917099990001");

        Assert.Equal([0, 0, 0], exits);
        Assert.Equal(3, SipEdgeLog.CountNoMatchingEndpoint(rig) - refusedBefore);
        Assert.DoesNotContain(rig.Renfield.Requests, r => r.CallerDigits == PhoneDigits.Of(Scanner));
    }

    private static async Task<FakeRenfieldRequest> WaitForCallerAsync(SipRig rig, string number)
    {
        var digits = PhoneDigits.Of(number);
        var requests = await rig.Renfield.WaitForAsync(all => all.Any(r => r.CallerDigits == digits), $"the announcement of {number}", Announced);
        return requests.First(r => r.CallerDigits == digits);
    }
}
