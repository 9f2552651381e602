using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using RenfieldSip.Tests.EndToEnd;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Mcp;

/// <summary>The official MCP C# client, connected to a monitor's <c>/mcp</c> over real HTTP the way Renfield's agent connects (streamable HTTP).</summary>
internal static class McpTestClient
{
    /// <summary>Connects with the harness's monitor token, as Renfield does with <c>auth_token_env</c>.</summary>
    public static Task<McpClient> ConnectAsync(MonitorUnderTest monitor, CancellationToken cancellationToken, string token = EndToEndHarness.MonitorToken)
    {
        var options = new HttpClientTransportOptions
        {
            Endpoint = new Uri(monitor.BaseAddress, "/mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
            Name = "renfieldsip-tests",
            ConnectionTimeout = TimeSpan.FromSeconds(10),
        };
        options.AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token };

        return McpClient.CreateAsync(new HttpClientTransport(options), cancellationToken: cancellationToken);
    }

    /// <summary>Calls <paramref name="tool"/>; returns its text and its structured content as JSON text (empty when none).</summary>
    public static async Task<(string Text, string Structured)> CallAsync(
        McpClient client, string tool, Dictionary<string, object?> arguments, CancellationToken cancellationToken)
    {
        var result = await client.CallToolAsync(tool, arguments, cancellationToken: cancellationToken);
        var text = string.Join("\n", result.Content.OfType<TextContentBlock>().Select(block => block.Text));
        Assert.False(result.IsError == true, $"{tool} failed: {text}");
        var structured = result.StructuredContent is { } content ? JsonSerializer.Serialize(content) : string.Empty;
        return (text, structured);
    }
}
