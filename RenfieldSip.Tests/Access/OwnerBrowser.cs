using System.Net;
using System.Text.RegularExpressions;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Access;

/// <summary>The page as a cookie-keeping HTTP client sees it: the login form, the session cookie, the page's forms.</summary>
internal sealed partial class OwnerBrowser : IDisposable
{
    private OwnerBrowser(MonitorUnderTest monitor)
    {
        Cookies = new CookieContainer();
        Http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false })
        {
            BaseAddress = monitor.BaseAddress,
            Timeout = TimeSpan.FromSeconds(10),
        };
    }

    public CookieContainer Cookies { get; }

    public HttpClient Http { get; }

    public static OwnerBrowser For(MonitorUnderTest monitor) => new(monitor);

    /// <summary>Fills and sends the login form; returns the answer to the post.</summary>
    public async Task<HttpResponseMessage> LogInAsync(string token, CancellationToken cancellationToken)
    {
        var form = await FormTokenAsync("/calls/login", cancellationToken);
        return await PostFormAsync("/calls/login", new() { ["token"] = token, ["form_token"] = form }, cancellationToken);
    }

    /// <summary>The antiforgery field of the first form on <paramref name="page"/>.</summary>
    public async Task<string> FormTokenAsync(string page, CancellationToken cancellationToken)
    {
        var html = await Http.GetStringAsync(new Uri(page, UriKind.Relative), cancellationToken);
        return FormTokenField().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"no form_token on {page}: {html}");
    }

    public Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields, CancellationToken cancellationToken) =>
        Http.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields), cancellationToken);

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"form_token\" value=\"([^\"]+)\"")]
    private static partial Regex FormTokenField();
}
