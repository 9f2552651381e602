using System.Text.Json.Serialization;

namespace RenfieldSip.Monitor.Announcements;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(TestCallRequest))]
[JsonSerializable(typeof(TestCallResponse))]
internal sealed partial class MonitorJsonContext : JsonSerializerContext;
