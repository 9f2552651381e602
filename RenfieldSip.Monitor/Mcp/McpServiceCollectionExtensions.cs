using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace RenfieldSip.Monitor.Mcp;

internal static class McpServiceCollectionExtensions
{
    /// <summary>
    /// The MCP server an assistant (Renfield's agent) asks about calls and the phonebook. Stateless: every request
    /// stands alone, so any replica behind a load balancer answers it. Added after every other area, so an
    /// answering machine registered by one of them is seen.
    /// </summary>
    public static IHostApplicationBuilder AddMonitorMcpServer(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<McpLanguage>();
        var mcp = builder.Services
            .AddMcpServer(options =>
            {
                options.ServerInfo = new Implementation { Name = "renfieldsip-monitor", Title = "RenfieldSip call monitor", Version = "1.0" };
                options.ServerInstructions =
                    "The household's incoming phone calls and its phonebook. Times are ISO 8601; answers are worded in "
                    + "the monitor's language. A withheld caller is only ever 'anonym'.";
            })
            .WithHttpTransport(options => options.Stateless = true)
            .WithTools<CallTools>()
            .WithTools<PhonebookTools>();

        // Offering tools that can only fail would make the agent promise what the house cannot do. Whether the
        // machine is switched on is configuration, known only once the host is built: the tools leave then.
        if (builder.Services.Any(service => service.ServiceType == typeof(IAnsweringMachine)))
        {
            mcp.WithTools<AnsweringMachineTools>();
            builder.Services.AddOptions<McpServerOptions>().PostConfigure<IAnsweringMachine>((options, machine) =>
            {
                if (!machine.IsAvailable && options.ToolCollection is { } tools)
                {
                    foreach (var tool in tools.Where(t => AnsweringMachineTools.Names.Contains(t.ProtocolTool.Name)).ToList())
                    {
                        tools.Remove(tool);
                    }
                }
            });
        }

        return builder;
    }
}
