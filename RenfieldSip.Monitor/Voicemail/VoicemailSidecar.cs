using System.Text.Json.Serialization;
using RenfieldSip.Monitor.History;

namespace RenfieldSip.Monitor.Voicemail;

/// <summary>
/// A message's metadata as it lies beside its recording (<c>&lt;name&gt;.json</c> next to <c>&lt;name&gt;.wav</c>), so the
/// messages outlive a monitor restart. A withheld caller's number and name are never written.
/// </summary>
internal sealed record VoicemailSidecar
{
    /// <summary>A day: far beyond any VOICEMAIL_MAX_SECONDS, and a length that cannot overflow.</summary>
    private const double MaxSeconds = 86_400;

    [JsonPropertyName("call_id")]
    public string? CallId { get; init; }

    [JsonPropertyName("file")]
    public string? File { get; init; }

    [JsonPropertyName("length_seconds")]
    public double LengthSeconds { get; init; }

    [JsonPropertyName("received_at")]
    public DateTimeOffset ReceivedAt { get; init; }

    [JsonPropertyName("transcript")]
    public string? Transcript { get; init; }

    [JsonPropertyName("heard")]
    public bool Heard { get; init; }

    [JsonPropertyName("announcement")]
    public VoicemailAnnouncement? Announcement { get; init; }

    [JsonPropertyName("caller_name")]
    public string? CallerName { get; init; }

    [JsonPropertyName("caller_number")]
    public string? CallerNumber { get; init; }

    [JsonPropertyName("withheld")]
    public bool Withheld { get; init; }

    public static VoicemailSidecar Of(VoicemailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new VoicemailSidecar
        {
            CallId = message.CallId,
            File = message.File,
            LengthSeconds = message.Length.TotalSeconds,
            ReceivedAt = message.ReceivedAt,
            Transcript = message.Transcript,
            Heard = message.Heard,
            Announcement = message.Announcement,
            CallerName = message.Withheld ? null : message.CallerName,
            CallerNumber = message.Withheld ? null : message.CallerNumber,
            Withheld = message.Withheld,
        };
    }

    /// <summary>The message, or null when the sidecar does not describe <paramref name="file"/>.</summary>
    public VoicemailMessage? ToMessage(string file) =>
        string.IsNullOrEmpty(CallId) || CallId.Length > 64 || File != file || !double.IsFinite(LengthSeconds) || LengthSeconds is < 0 or > MaxSeconds
            ? null
            : new VoicemailMessage(
                CallId,
                file,
                TimeSpan.FromTicks((long)Math.Round(LengthSeconds * TimeSpan.TicksPerSecond)),
                ReceivedAt,
                Transcript,
                Heard,
                Announcement,
                Withheld ? null : CallerName,
                Withheld ? null : CallerNumber,
                Withheld);
}
