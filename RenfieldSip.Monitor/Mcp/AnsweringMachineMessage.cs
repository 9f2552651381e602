using System.Text.Json.Serialization;

namespace RenfieldSip.Monitor.Mcp;

/// <summary>One message on the answering machine, with the caller as the call history holds it.</summary>
internal sealed record AnsweringMachineMessage(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("received_at")] DateTimeOffset ReceivedAt,
    [property: JsonPropertyName("caller_name")] string? CallerName,
    [property: JsonPropertyName("caller_number")] string? CallerNumber,
    [property: JsonPropertyName("withheld")] bool Withheld,
    [property: JsonPropertyName("seconds")] double Seconds,
    [property: JsonPropertyName("transcript")] string? Transcript,
    [property: JsonPropertyName("heard")] bool Heard);
