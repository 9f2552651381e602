using RenfieldSip.Tests.EndToEnd;
using RenfieldSip.Tests.History;
using RenfieldSip.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace RenfieldSip.Tests.Access;

/// <summary>
/// A page of another site, opened in the real headless Chromium, fires what any page may send without asking the
/// monitor first: an empty <c>no-cors</c> POST (all a test call needs besides the token) and form posts. They reach the monitor; none of them makes Renfield speak
/// or erases anything.
/// </summary>
public sealed class CrossSiteChromiumTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_page_of_another_site_can_neither_trigger_a_test_call_nor_erase_a_caller()
    {
        HeadlessChromium.SkipUnlessAvailable();
        var recorder = new RequestRecorder();
        await using var harness = await EndToEndHarness.StartAsync(configure: builder => builder.Services.AddSingleton<IStartupFilter>(recorder));
        await EndToEndHarness.TestCallAsync(harness.Monitor, "0170 1234567", null, Cancellation);
        await CallHistoryApi.WaitForCallsAsync(harness.Monitor, 1, Cancellation);
        var announcedBefore = harness.Renfield.Requests.Count;
        var monitor = harness.Monitor.BaseAddress.ToString().TrimEnd('/');
        await using var attacker = await AttackerSite.StartAsync($$"""
            <!doctype html><html><body>
            <form id="speak" method="post" action="{{monitor}}/api/test-call" enctype="text/plain" target="sink1">
              <input name='{"name":"Feueralarm – Haus sofort verlassen","x":"' value='"}'></form>
            <form id="erase" method="post" action="{{monitor}}/calls/erase" target="sink2">
              <input name="number" value="+49 170 1234567"></form>
            <iframe name="sink1"></iframe><iframe name="sink2"></iframe>
            <script>
              fetch('{{monitor}}/api/test-call', { method: 'POST', mode: 'no-cors', credentials: 'include' })
                .finally(() => {
                  document.getElementById('speak').submit();
                  document.getElementById('erase').submit();
                  document.body.dataset.sent = 'yes';
                });
            </script></body></html>
            """);

        var dom = await HeadlessChromium.DumpDomAsync(attacker.Page, Cancellation);
        var testCalls = await recorder.WaitForAsync("POST", "/api/test-call", 3, Cancellation);
        var erasures = await recorder.WaitForAsync("POST", "/calls/erase", 1, Cancellation);

        Assert.Contains("data-sent=\"yes\"", dom, StringComparison.Ordinal);
        var attacks = testCalls.Where(r => r.Origin.Length > 0).Concat(erasures).ToList();
        Assert.Equal(3, attacks.Count);
        Assert.All(attacks, r => Assert.StartsWith("http://localhost:", r.Origin, StringComparison.Ordinal));
        Assert.All(attacks, r => Assert.InRange(r.Status, 400, 499));
        Assert.Equal(announcedBefore, harness.Renfield.Requests.Count);
        Assert.Single(await CallHistoryApi.WaitForCallsAsync(harness.Monitor, 1, Cancellation));
    }
}
