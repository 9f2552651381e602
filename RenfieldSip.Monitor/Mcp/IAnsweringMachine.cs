namespace RenfieldSip.Monitor.Mcp;

/// <summary>
/// What the answering machine tools need from an answering machine. The area that answers calls registers its
/// implementation (before the MCP server is added); <see cref="McpServiceCollectionExtensions"/> offers the message
/// tools only while one is registered and <see cref="IsAvailable"/>.
/// </summary>
internal interface IAnsweringMachine
{
    /// <summary>False when no message can arrive (the answering machine is switched off in this monitor's configuration).</summary>
    bool IsAvailable { get; }

    /// <summary>Messages, new (unheard) ones first, then newest first; a withheld caller's number is not in them.</summary>
    Task<IReadOnlyList<AnsweringMachineMessage>> ListAsync(bool onlyNew, CancellationToken cancellationToken);

    /// <summary>False when no message has <paramref name="id"/>.</summary>
    Task<bool> MarkHeardAsync(string id, CancellationToken cancellationToken);
}
