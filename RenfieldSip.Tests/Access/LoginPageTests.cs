using System.Net;
using System.Text.Json;
using RenfieldSip.Tests.EndToEnd;
using RenfieldSip.Tests.History;

namespace RenfieldSip.Tests.Access;

/// <summary>The page's login form and its forms (log out, erase a caller), as the owner's browser and a stranger's post see them.</summary>
public sealed class LoginPageTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_page_sends_a_stranger_to_the_login_form()
    {
        await using var harness = await EndToEndHarness.StartAsync();
        using var browser = OwnerBrowser.For(harness.Monitor);

        using var page = await browser.Http.GetAsync(new Uri("/calls", UriKind.Relative), Cancellation);
        using var login = await browser.Http.GetAsync(new Uri("/calls/login", UriKind.Relative), Cancellation);
        var form = await login.Content.ReadAsStringAsync(Cancellation);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/calls/login", page.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("type=\"password\" name=\"token\"", form, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", string.Join(";", login.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.DoesNotContain("<li class=\"call", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_token_gets_the_form_again_with_401_and_no_cookie()
    {
        await using var harness = await EndToEndHarness.StartAsync();
        using var browser = OwnerBrowser.For(harness.Monitor);

        using var response = await browser.LogInAsync("not-the-token-not-the-token", Cancellation);
        using var page = await browser.Http.GetAsync(new Uri("/calls", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Das Token stimmt nicht.", await response.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        Assert.DoesNotContain(browser.Cookies.GetCookies(new Uri(harness.Monitor.BaseAddress, "/calls")), c => c.Name == "renfieldsip_session");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains(harness.Monitor.Logs.GetSnapshot(), r => r.Id.Id == 1707);
    }

    [Fact]
    public async Task The_right_token_sets_an_HttpOnly_SameSite_Strict_cookie_for_calls_only_and_opens_the_page()
    {
        await using var harness = await EndToEndHarness.StartAsync();
        using var browser = OwnerBrowser.For(harness.Monitor);

        using var response = await browser.LogInAsync(EndToEndHarness.MonitorToken, Cancellation);
        using var page = await browser.Http.GetAsync(new Uri("/calls", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/calls", response.Headers.Location?.OriginalString);
        var setCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("renfieldsip_session=", StringComparison.Ordinal));
        Assert.Contains("path=/calls", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(EndToEndHarness.MonitorToken, setCookie, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<title>Anrufliste</title>", await page.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_login_post_without_the_forms_antiforgery_token_is_refused()
    {
        await using var harness = await EndToEndHarness.StartAsync();
        using var browser = OwnerBrowser.For(harness.Monitor);

        using var response = await browser.PostFormAsync("/calls/login", new() { ["token"] = EndToEndHarness.MonitorToken }, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(browser.Cookies.GetCookies(new Uri(harness.Monitor.BaseAddress, "/calls")), c => c.Name == "renfieldsip_session");
    }

    [Fact]
    public async Task The_erase_form_needs_its_antiforgery_token_and_then_erases_the_caller()
    {
        await using var harness = await EndToEndHarness.StartAsync();
        await EndToEndHarness.TestCallAsync(harness.Monitor, "0170 1234567", null, Cancellation);
        await EndToEndHarness.TestCallAsync(harness.Monitor, "0171 9876543", null, Cancellation);
        await CallHistoryApi.WaitForCallsAsync(harness.Monitor, 2, Cancellation);
        using var browser = OwnerBrowser.For(harness.Monitor);
        using var login = await browser.LogInAsync(EndToEndHarness.MonitorToken, Cancellation);

        using var forged = await browser.PostFormAsync("/calls/erase", new() { ["number"] = "+49 170 1234567" }, Cancellation);
        var afterForged = await CallHistoryApi.WaitForCallsAsync(harness.Monitor, 2, Cancellation);
        var formToken = await browser.FormTokenAsync("/calls", Cancellation);
        using var erased = await browser.PostFormAsync("/calls/erase", new() { ["number"] = "+49 170 1234567", ["form_token"] = formToken }, Cancellation);
        var (_, body) = await CallHistoryApi.GetAsync(harness.Monitor, "/api/calls", Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(2, afterForged.Count);
        Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);
        var left = JsonDocument.Parse(body).RootElement.GetProperty("calls").EnumerateArray().Select(c => c.GetProperty("caller_number").GetString()).ToList();
        Assert.Equal(["+49 171 9876543"], left);
    }

    [Fact]
    public async Task Logging_out_drops_the_cookie()
    {
        await using var harness = await EndToEndHarness.StartAsync();
        using var browser = OwnerBrowser.For(harness.Monitor);
        using var login = await browser.LogInAsync(EndToEndHarness.MonitorToken, Cancellation);
        var formToken = await browser.FormTokenAsync("/calls", Cancellation);

        using var logout = await browser.PostFormAsync("/calls/logout", new() { ["form_token"] = formToken }, Cancellation);
        using var page = await browser.Http.GetAsync(new Uri("/calls", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
    }
}
