using System.Text.Json.Serialization;

namespace RenfieldSip.Monitor.Voicemail;

[JsonSerializable(typeof(SpeechToTextAnswer))]
internal sealed partial class VoicemailJsonContext : JsonSerializerContext;
