using System.Net;
using System.Text;
using RenfieldSip.Tests.EndToEnd;

namespace RenfieldSip.Tests.Mcp;

/// <summary><c>/mcp</c> belongs to the protected surface: the shared bearer token (<c>Access:Token</c>, MONITOR_TOKEN).</summary>
public sealed class McpAccessTests
{
    private const string Token = "mcp-test-token-0123456789abcdef";

    private const string Initialize =
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"curl","version":"1"}}}""";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MCP_is_refused_without_the_token_and_answers_with_it()
    {
        await using var harness = await EndToEndHarness.StartAsync(new Dictionary<string, string?> { ["Access:Token"] = Token });
        using var http = new HttpClient { BaseAddress = harness.Monitor.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(http, null));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(http, "not-the-token-but-long-enough"));
        await using var client = await McpTestClient.ConnectAsync(harness.Monitor, Cancellation, Token);
        Assert.NotEmpty(await client.ListToolsAsync(cancellationToken: Cancellation));
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient http, string? bearer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/mcp", UriKind.Relative))
        {
            Content = new StringContent(Initialize, Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (bearer is not null)
        {
            request.Headers.Authorization = new("Bearer", bearer);
        }

        using var response = await http.SendAsync(request, Cancellation);
        return response.StatusCode;
    }
}
