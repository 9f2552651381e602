using System.Text.Json.Serialization;

namespace RenfieldSip.Monitor.Voicemail;

/// <summary>The part of Renfield's <c>POST /api/voice/stt</c> answer the monitor reads (voice.py: <c>{"text": ..., "language": ...}</c>).</summary>
internal sealed record SpeechToTextAnswer(
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("language")] string? Language);
