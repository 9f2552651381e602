using System.Text.Json.Serialization;

namespace RenfieldSip.Monitor.Voicemail;

[JsonSerializable(typeof(SpeechToTextAnswer))]
[JsonSerializable(typeof(VoicemailSidecar))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class VoicemailJsonContext : JsonSerializerContext;
