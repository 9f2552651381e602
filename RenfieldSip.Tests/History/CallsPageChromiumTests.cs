using RenfieldSip.Tests.EndToEnd;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.History;

/// <summary>The <c>/calls</c> page in a real headless Chromium: what a phone's browser would show, and run.</summary>
public sealed class CallsPageChromiumTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_page_lists_the_calls_and_shows_a_new_one_after_reloading()
    {
        HeadlessChromium.SkipUnlessAvailable();
        await using var harness = await EndToEndHarness.StartAsync();
        await EndToEndHarness.TestCallAsync(harness.Monitor, "0170 1234567", null, Cancellation);
        await CallHistoryApi.WaitForCallsAsync(harness.Monitor, 1, Cancellation);
        var page = new Uri(harness.Monitor.BaseAddress, BrowserLoginPage.Path);

        var before = await HeadlessChromium.DumpDomAsync(page, Cancellation);
        await EndToEndHarness.TestCallAsync(harness.Monitor, null, "Zweiter Anruf", Cancellation);
        await CallHistoryApi.WaitForCallsAsync(harness.Monitor, 2, Cancellation);
        var after = await HeadlessChromium.DumpDomAsync(page, Cancellation);

        Assert.Contains("<title>Anrufliste</title>", before, StringComparison.Ordinal);
        Assert.Equal(1, Rows(before));
        Assert.Contains("Max Mustermann", before, StringComparison.Ordinal);
        Assert.Contains("+49 170 1234567", before, StringComparison.Ordinal);
        Assert.Contains("angesagt", before, StringComparison.Ordinal);
        Assert.DoesNotContain("Zweiter Anruf", before, StringComparison.Ordinal);
        Assert.Equal(2, Rows(after));
        Assert.True(after.IndexOf("Zweiter Anruf", StringComparison.Ordinal) < after.IndexOf("Max Mustermann", StringComparison.Ordinal), "newest first");
    }

    [Theory]
    [InlineData("<img src=x onerror=\"document.body.dataset.pwned=1\">")]
    [InlineData("<script>document.body.dataset.pwned=1</script>")]
    [InlineData("\"><svg onload=\"document.body.dataset.pwned=1\">")]
    public async Task A_caller_name_with_markup_is_shown_as_text_and_never_runs(string name)
    {
        HeadlessChromium.SkipUnlessAvailable();
        await using var harness = await EndToEndHarness.StartAsync();
        await EndToEndHarness.TestCallAsync(harness.Monitor, null, name, Cancellation);
        await CallHistoryApi.WaitForCallsAsync(harness.Monitor, 1, Cancellation);

        var dom = await HeadlessChromium.DumpDomAsync(new Uri(harness.Monitor.BaseAddress, BrowserLoginPage.Path), Cancellation);

        Assert.DoesNotContain("pwned", dom.Replace(Escaped(name), string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains(Escaped(name), dom, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", dom, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", dom, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", dom, StringComparison.Ordinal);
        Assert.Equal(1, Rows(dom));
    }

    [Fact]
    public async Task The_page_is_sent_with_a_strict_content_security_policy_and_in_English_when_configured()
    {
        await using var harness = await EndToEndHarness.StartAsync(new Dictionary<string, string?> { ["Webhook:Language"] = "en" });
        using var http = EndToEndHarness.Client(harness.Monitor);

        using var response = await http.GetAsync(new Uri("/calls", UriKind.Relative), Cancellation);
        var html = await response.Content.ReadAsStringAsync(Cancellation);

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("No calls yet.", html, StringComparison.Ordinal);
        Assert.Contains("name=\"viewport\"", html, StringComparison.Ordinal);
    }

    // How a serialized DOM writes text that looks like markup: only &, < and > (and nbsp) are escaped in text nodes.
    private static string Escaped(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static int Rows(string dom) => dom.Split("<li class=\"call ", StringSplitOptions.None).Length - 1;
}
