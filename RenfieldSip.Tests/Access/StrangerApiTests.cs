using System.Net;
using System.Net.Http.Headers;
using System.Text;
using RenfieldSip.Tests.EndToEnd;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Access;

/// <summary>
/// Someone who reaches the monitor's port (a container on the network, a process on the host) but has no token, over
/// real Kestrel on 127.0.0.1: nothing to read, nothing to trigger, nothing said about callers.
/// </summary>
public sealed class StrangerApiTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string?> Credentials => new()
    {
        { "GET", "/api/calls", null },
        { "GET", "/api/calls", "Bearer wrong-token-wrong-token" },
        { "GET", "/api/calls", "Bearer " + EndToEndHarness.MonitorToken + "x" },
        { "GET", "/api/calls", "Basic " + Convert.ToBase64String(Encoding.ASCII.GetBytes("owner:" + EndToEndHarness.MonitorToken)) },
        { "POST", "/api/test-call", null },
        { "POST", "/api/test-call", "Bearer wrong-token-wrong-token" },
        { "DELETE", "/api/calls?number=01701234567", null },
        { "GET", "/openapi/v1.json", null },
        { "GET", "/api/not-yet-written", null },
    };

    [Theory]
    [MemberData(nameof(Credentials))]
    public async Task Without_the_token_the_APIs_and_the_OpenAPI_document_answer_401_and_Renfield_hears_nothing(string method, string path, string? authorization)
    {
        await using var harness = await EndToEndHarness.StartAsync();
        using var http = new HttpClient { BaseAddress = harness.Monitor.BaseAddress };
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await http.SendAsync(request, Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Contains("Authorization: Bearer", await response.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        Assert.Empty(harness.Renfield.Requests);
    }

    [Fact]
    public async Task Without_a_configured_token_everything_but_health_answers_401_saying_how_to_set_MONITOR_TOKEN()
    {
        await using var harness = await EndToEndHarness.StartAsync(new Dictionary<string, string?> { ["Access:Token"] = string.Empty });
        using var http = new HttpClient { BaseAddress = harness.Monitor.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "anything-at-all-0123456789");

        using var testCall = await http.PostAsync(new Uri("/api/test-call", UriKind.Relative), null, Cancellation);
        using var calls = await http.GetAsync(new Uri("/api/calls", UriKind.Relative), Cancellation);
        using var page = await new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = harness.Monitor.BaseAddress }
            .GetAsync(new Uri("/calls", UriKind.Relative), Cancellation);
        using var health = await http.GetAsync(new Uri("/health", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, testCall.StatusCode);
        Assert.Contains("MONITOR_TOKEN", await testCall.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, calls.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/calls/login", page.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains(harness.Monitor.Logs.GetSnapshot(), r => r.Id.Id == 1801);
        Assert.Empty(harness.Renfield.Requests);
    }

    [Fact]
    public async Task Health_and_alive_stay_open_and_say_nothing_about_callers()
    {
        await using var harness = await EndToEndHarness.StartAsync();
        await EndToEndHarness.TestCallAsync(harness.Monitor, "0170 1234567", null, Cancellation);
        using var http = new HttpClient { BaseAddress = harness.Monitor.BaseAddress };

        using var health = await http.GetAsync(new Uri("/health", UriKind.Relative), Cancellation);
        using var alive = await http.GetAsync(new Uri("/alive", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        foreach (var body in new[] { await health.Content.ReadAsStringAsync(Cancellation), await alive.Content.ReadAsStringAsync(Cancellation) })
        {
            Assert.DoesNotContain("1234567", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Mustermann", body, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string, string?> MalformedBodies => new()
    {
        { "application/x-www-form-urlencoded", "number=0170+1234567&name=Feueralarm" },
        { "multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nFeueralarm\r\n--x--\r\n" },
        { "text/plain", "{\"name\":\"Feueralarm\"}" },
        { "application/json", "{not json" },
        { "application/json", "[1,2,3]" },
        { "application/json", "{\"name\":42}" },
        { "application/json", "\"just a string\"" },
        { "application/json; charset=utf-8", "{\"name\":\"\u00ff\u00fe\"" },
        { "application/xml", "<call name=\"Feueralarm\"/>" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task A_malformed_test_call_body_gets_a_4xx_never_a_5xx_and_nothing_is_announced(string contentType, string? body)
    {
        await using var harness = await EndToEndHarness.StartAsync();
        using var http = EndToEndHarness.Client(harness.Monitor);
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body ?? string.Empty));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await http.PostAsync(new Uri("/api/test-call", UriKind.Relative), content, Cancellation);

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Empty(harness.Renfield.Requests);
    }

    [Theory]
    [InlineData("/api/calls")]
    [InlineData("/calls")]
    [InlineData("/calls/login")]
    public async Task A_foreign_Host_header_as_after_DNS_rebinding_gets_400_even_with_the_token(string path)
    {
        await using var harness = await EndToEndHarness.StartAsync();
        using var http = EndToEndHarness.Client(harness.Monitor);
        using var foreign = new HttpRequestMessage(HttpMethod.Get, path);
        foreign.Headers.Host = "attacker.example:" + harness.Monitor.BaseAddress.Port;
        using var local = new HttpRequestMessage(HttpMethod.Get, path);
        local.Headers.Host = "localhost:" + harness.Monitor.BaseAddress.Port;

        using var refused = await http.SendAsync(foreign, Cancellation);
        using var allowed = await http.SendAsync(local, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.NotEqual(HttpStatusCode.BadRequest, allowed.StatusCode);
    }

    [Fact]
    public async Task AllowedHosts_names_the_hosts_a_browser_may_use()
    {
        await using var harness = await EndToEndHarness.StartAsync(new Dictionary<string, string?> { ["AllowedHosts"] = "homeserver.lan;127.0.0.1" });
        using var http = EndToEndHarness.Client(harness.Monitor);
        using var lan = new HttpRequestMessage(HttpMethod.Get, "/api/calls");
        lan.Headers.Host = "homeserver.lan";
        using var localhost = new HttpRequestMessage(HttpMethod.Get, "/api/calls");
        localhost.Headers.Host = "localhost";

        using var fromLan = await http.SendAsync(lan, Cancellation);
        using var fromLocalhost = await http.SendAsync(localhost, Cancellation);

        Assert.Equal(HttpStatusCode.OK, fromLan.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, fromLocalhost.StatusCode);
    }

    [Fact]
    public async Task The_page_cookie_never_opens_an_API()
    {
        await using var harness = await EndToEndHarness.StartAsync();
        using var browser = OwnerBrowser.For(harness.Monitor);
        using var login = await browser.LogInAsync(EndToEndHarness.MonitorToken, Cancellation);
        var session = browser.Cookies.GetCookies(new Uri(harness.Monitor.BaseAddress, "/calls"))["renfieldsip_session"];
        Assert.NotNull(session);
        using var http = new HttpClient { BaseAddress = harness.Monitor.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/test-call");
        request.Headers.Add("Cookie", "renfieldsip_session=" + session.Value);

        using var response = await http.SendAsync(request, Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(harness.Renfield.Requests);
    }
}
