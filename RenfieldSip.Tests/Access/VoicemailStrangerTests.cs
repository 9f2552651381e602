using System.Net;
using RenfieldSip.Monitor.Voicemail;
using RenfieldSip.Tests.EndToEnd;
using RenfieldSip.Tests.History;
using RenfieldSip.Tests.Voicemail;

namespace RenfieldSip.Tests.Access;

/// <summary>
/// A message on the answering machine as a stranger meets it over real Kestrel: the API without the token, the page's
/// player without the login, the page's delete form without its antiforgery token. The message and its file stay.
/// </summary>
public sealed class VoicemailStrangerTests : IAsyncLifetime
{
    private string _directory = null!;
    private EndToEndHarness _harness = null!;
    private string _callId = null!;
    private string _file = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _directory = Directory.CreateTempSubdirectory("renfieldsip-voicemail-").FullName;
        _harness = await EndToEndHarness.StartAsync(new Dictionary<string, string?> { ["Voicemail:Directory"] = _directory });
        await EndToEndHarness.TestCallAsync(_harness.Monitor, "0170 1234567", null, Cancellation);
        _callId = (await CallHistoryApi.WaitForCallsAsync(_harness.Monitor, 1, Cancellation))[0].GetProperty("call_id").GetString()!;
        _file = await LeftMessage.LeaveAsync(_harness.Monitor, _directory, _callId, Cancellation);
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Theory]
    [InlineData("GET", null)]
    [InlineData("DELETE", null)]
    [InlineData("GET", "Bearer wrong-token-wrong-token")]
    [InlineData("DELETE", "Bearer wrong-token-wrong-token")]
    public async Task Without_the_token_the_message_API_answers_401_and_the_message_stays(string method, string? authorization)
    {
        using var http = new HttpClient { BaseAddress = _harness.Monitor.BaseAddress };
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/calls/{Uri.EscapeDataString(_callId)}/voicemail");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await http.SendAsync(request, Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.NotEqual("audio/wav", response.Content.Headers.ContentType?.MediaType);
        AssertKept();
    }

    [Fact]
    public async Task The_pages_player_needs_the_login()
    {
        var player = new Uri($"/calls/{Uri.EscapeDataString(_callId)}/voicemail", UriKind.Relative);
        using var stranger = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _harness.Monitor.BaseAddress };
        using var anonymous = await stranger.GetAsync(player, Cancellation);
        using var wrongToken = new HttpRequestMessage(HttpMethod.Get, player);
        wrongToken.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "wrong-token-wrong-token");
        using var wrong = await stranger.SendAsync(wrongToken, Cancellation);
        using var owner = OwnerBrowser.For(_harness.Monitor);
        using var login = await owner.LogInAsync(EndToEndHarness.MonitorToken, Cancellation);
        using var played = await owner.Http.GetAsync(player, Cancellation);

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/calls/login", anonymous.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, played.StatusCode);
        Assert.Equal("audio/wav", played.Content.Headers.ContentType?.MediaType);
        AssertKept();
    }

    [Fact]
    public async Task The_delete_form_needs_its_antiforgery_token_and_then_deletes_the_message()
    {
        var delete = $"/calls/{Uri.EscapeDataString(_callId)}/voicemail/delete";
        using var stranger = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _harness.Monitor.BaseAddress };
        using var anonymous = await stranger.PostAsync(new Uri(delete, UriKind.Relative), new FormUrlEncodedContent([]), Cancellation);
        using var owner = OwnerBrowser.For(_harness.Monitor);
        using var login = await owner.LogInAsync(EndToEndHarness.MonitorToken, Cancellation);

        using var forged = await owner.PostFormAsync(delete, new(), Cancellation);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        AssertKept();

        var formToken = await owner.FormTokenAsync("/calls", Cancellation);
        using var deleted = await owner.PostFormAsync(delete, new() { ["form_token"] = formToken }, Cancellation);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(File.Exists(_file));
        Assert.Null(_harness.Monitor.GetRequiredService<VoicemailIndex>().Find(_callId));
    }

    private void AssertKept()
    {
        Assert.True(File.Exists(_file), "the message's file was deleted");
        Assert.NotNull(_harness.Monitor.GetRequiredService<VoicemailIndex>().Find(_callId));
    }
}
