using System.Net;
using System.Text.Json;
using RenfieldSip.Monitor.Voicemail;
using RenfieldSip.Tests.Access;
using RenfieldSip.Tests.EndToEnd;
using RenfieldSip.Tests.History;

namespace RenfieldSip.Tests.Voicemail;

/// <summary>Erasing a caller (the API and the page's button) takes their messages along: the entries and the files.</summary>
public sealed class VoicemailErasureTests : IAsyncLifetime
{
    private string _directory = null!;
    private EndToEndHarness _harness = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private VoicemailIndex Index => _harness.Monitor.GetRequiredService<VoicemailIndex>();

    public async ValueTask InitializeAsync()
    {
        _directory = Directory.CreateTempSubdirectory("renfieldsip-voicemail-").FullName;
        _harness = await EndToEndHarness.StartAsync(new Dictionary<string, string?> { ["Voicemail:Directory"] = _directory });
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Erasing_a_caller_through_the_API_deletes_their_messages_and_files_and_keeps_the_others()
    {
        var (erasedCall, erasedFile) = await CallAndLeaveAsync("0170 1234567", 1);
        var (keptCall, keptFile) = await CallAndLeaveAsync("0171 9876543", 2);
        using var http = EndToEndHarness.Client(_harness.Monitor);

        using var response = await http.DeleteAsync(new Uri("/api/calls?number=%2B49%20170%201234567", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation)).RootElement.GetProperty("erased").GetInt32());
        Assert.False(File.Exists(erasedFile), "the erased caller's recording is still on disk");
        Assert.Null(Index.Find(erasedCall));
        Assert.True(File.Exists(keptFile));
        Assert.NotNull(Index.Find(keptCall));
        using var audio = await http.GetAsync(new Uri($"/api/calls/{Uri.EscapeDataString(erasedCall)}/voicemail", UriKind.Relative), Cancellation);
        Assert.Equal(HttpStatusCode.NotFound, audio.StatusCode);
    }

    [Fact]
    public async Task The_pages_erase_button_deletes_the_callers_message_even_after_the_history_dropped_the_call()
    {
        var (call, file) = await CallAndLeaveAsync("0170 1234567", 1);

        // A message can outlive its call in the history (History:MaxCalls, History:MaxAge): a message whose call the
        // history does not hold stands for that; the caller's number kept with the message finds it.
        Assert.True(Index.Update(call, m => m with { CallId = "1795000000.99" }));
        using var owner = OwnerBrowser.For(_harness.Monitor);
        using var login = await owner.LogInAsync(EndToEndHarness.MonitorToken, Cancellation);
        var formToken = await owner.FormTokenAsync("/calls", Cancellation);
        using var erased = await owner.PostFormAsync("/calls/erase", new() { ["number"] = "01701234567", ["form_token"] = formToken }, Cancellation);

        Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);
        Assert.False(File.Exists(file));
        Assert.Equal(0, Index.Count);
    }

    private async Task<(string CallId, string File)> CallAndLeaveAsync(string number, int calls)
    {
        await EndToEndHarness.TestCallAsync(_harness.Monitor, number, null, Cancellation);
        var callId = (await CallHistoryApi.WaitForCallsAsync(_harness.Monitor, calls, Cancellation))[0].GetProperty("call_id").GetString()!;
        return (callId, await LeftMessage.LeaveAsync(_harness.Monitor, _directory, callId, Cancellation));
    }
}
