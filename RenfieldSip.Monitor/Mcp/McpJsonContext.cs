using System.Text.Json.Serialization;

namespace RenfieldSip.Monitor.Mcp;

/// <summary>Source-generated JSON for the tools' structured answers that are not the call history's own (NativeAOT has no other way).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(PhonebookAnswer))]
[JsonSerializable(typeof(AnsweringMachineAnswer))]
internal sealed partial class McpJsonContext : JsonSerializerContext;
