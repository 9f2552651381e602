using System.Text.Json.Serialization;

namespace RenfieldSip.Monitor.History;

/// <summary>
/// Source-generated snake_case JSON for the API, the OpenAPI document and the Redis entries alike. The query
/// parameters' types are here too: under NativeAOT the OpenAPI generator finds their schemas nowhere else.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(CallRecord))]
[JsonSerializable(typeof(CallPage))]
[JsonSerializable(typeof(CallHistoryError))]
[JsonSerializable(typeof(EraseResult))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class CallHistoryJsonContext : JsonSerializerContext;
