namespace RenfieldSip.Monitor.Mcp;

/// <summary>
/// What the answering machine tools need from an answering machine. None exists yet and none is registered, so
/// <see cref="McpServiceCollectionExtensions"/> offers no message tools; the area that answers calls registers its
/// implementation (before the MCP server is added) and the tools appear.
/// </summary>
internal interface IAnsweringMachine
{
    /// <summary>Messages, new (unheard) ones first, then newest first; a withheld caller's number is not in them.</summary>
    Task<IReadOnlyList<AnsweringMachineMessage>> ListAsync(bool onlyNew, CancellationToken cancellationToken);

    /// <summary>False when no message has <paramref name="id"/>.</summary>
    Task<bool> MarkHeardAsync(string id, CancellationToken cancellationToken);
}
