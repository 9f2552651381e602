using System.Text.Json.Serialization;

namespace RenfieldSip.Monitor.History;

/// <summary>Source-generated snake_case JSON for the API, the OpenAPI document and the Redis entries alike.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(CallRecord))]
[JsonSerializable(typeof(CallPage))]
[JsonSerializable(typeof(CallHistoryError))]
internal sealed partial class CallHistoryJsonContext : JsonSerializerContext;
