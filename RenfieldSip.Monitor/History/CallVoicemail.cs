using System.Text.Json.Serialization;

namespace RenfieldSip.Monitor.History;

/// <summary>The message a call left on the answering machine, as the call list shows it beside the call.</summary>
internal sealed record CallVoicemail
{
    [JsonPropertyName("duration_seconds")]
    public required double DurationSeconds { get; init; }

    /// <summary>What was said, when Voicemail:Transcribe is on and Renfield's speech-to-text answered.</summary>
    [JsonPropertyName("transcript")]
    public string? Transcript { get; init; }

    /// <summary>Whether someone played it (its start was fetched from the API or the page).</summary>
    [JsonPropertyName("heard")]
    public bool Heard { get; init; }

    /// <summary>What became of its announcement (<c>delivered</c>, <c>blocked_by_rule</c>, …); null while pending.</summary>
    [JsonPropertyName("announcement")]
    public VoicemailAnnouncement? Announcement { get; init; }

    /// <summary>Where the audio is (<c>GET</c>, audio/wav, range requests).</summary>
    [JsonPropertyName("audio_url")]
    public required string AudioUrl { get; init; }
}
