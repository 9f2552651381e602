using System.Text.Json.Serialization;

namespace RenfieldSip.Monitor.Mcp;

/// <summary>The structured answer of <c>list_messages</c>.</summary>
internal sealed record AnsweringMachineAnswer([property: JsonPropertyName("messages")] IReadOnlyList<AnsweringMachineMessage> Messages);
