namespace RenfieldSip.Monitor.Mcp;

/// <summary>The MCP endpoint (streamable HTTP) on the monitor's HTTP port.</summary>
internal static class McpEndpoints
{
    public const string Path = "/mcp";

    /// <summary>Maps <c>POST /mcp</c>; the returned builder is where the endpoint's access rules go.</summary>
    public static IEndpointConventionBuilder MapMonitorMcp(this IEndpointRouteBuilder endpoints) => endpoints.MapMcp(Path);
}
