using System.Text.Json.Serialization;
using RenfieldSip.Monitor.Rules;

namespace RenfieldSip.Monitor.History;

/// <summary>
/// One call as the history keeps it: when, to which number, who (as announced; a withheld number is never held),
/// how it ended and what the monitor did. Caller-written text is already cleaned; pages still encode it.
/// </summary>
/// <remarks>Names are spelt out: the OpenAPI document reads them through the host's (camelCase) JSON options.</remarks>
internal sealed record CallRecord
{
    /// <summary>Where the store keeps it (<c>milliseconds-sequence</c>, newer is greater); the paging cursor. Null until stored.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>Asterisk's Uniqueid (<c>test-…</c> for the test call).</summary>
    [JsonPropertyName("call_id")]
    public required string CallId { get; init; }

    [JsonPropertyName("test_call")]
    public bool TestCall { get; init; }

    /// <summary>When the monitor saw the call start.</summary>
    [JsonPropertyName("started_at")]
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>The number that was called; null for the test call.</summary>
    [JsonPropertyName("did")]
    public string? Did { get; init; }

    /// <summary>The caller's number as announced (formatted); null when withheld or unknown.</summary>
    [JsonPropertyName("caller_number")]
    public string? CallerNumber { get; init; }

    /// <summary>
    /// The caller's name: from the phonebook (announced), or the display name the call carried (shown as the caller's
    /// claim, never announced, see <see cref="NameSource"/>); null when there is none.
    /// </summary>
    [JsonPropertyName("caller_name")]
    public string? CallerName { get; init; }

    [JsonPropertyName("withheld")]
    public bool Withheld { get; init; }

    /// <summary>The name Renfield was given: a display name the caller sent itself is never spoken, its number is.</summary>
    [JsonIgnore]
    public string? SpokenName => NameSource == CallerNameSource.CallerId ? null : CallerName;

    /// <summary><c>phonebook</c>, <c>caller_id</c> or <c>none</c>: where <see cref="CallerName"/> came from.</summary>
    [JsonPropertyName("name_source")]
    public string NameSource { get; init; } = CallerNameSource.None;

    /// <summary>From the start to the hangup; null when the end is unknown or nothing rang.</summary>
    /// <summary>For <c>phonebook</c>: the source that knew the name (<c>phonebook.yaml</c>, a configured source's name).</summary>
    [JsonPropertyName("phonebook_source")]
    public string? PhonebookSource { get; init; }

    [JsonPropertyName("ring_seconds")]
    public double? RingSeconds { get; init; }

    [JsonPropertyName("ended")]
    public CallEnding Ended { get; init; }

    /// <summary>Asterisk's Q.850 hangup cause, when a Hangup was seen.</summary>
    [JsonPropertyName("hangup_cause")]
    public int? HangupCause { get; init; }

    [JsonPropertyName("hangup_cause_text")]
    public string? HangupCauseText { get; init; }

    [JsonPropertyName("outcome")]
    public CallOutcome Outcome { get; init; }

    /// <summary>What Renfield answered (<c>delivered</c>, <c>unauthorized</c>, …); null when nothing reached Renfield.</summary>
    [JsonPropertyName("renfield_status")]
    public RenfieldStatus? RenfieldStatus { get; init; }

    /// <summary>The phonebook rule that decided (<c>blocked</c>, <c>quiet_hours</c>); null when none did.</summary>
    [JsonPropertyName("rule")]
    public DecidingRule? Rule { get; init; }

    /// <summary>Whether Renfield was asked to speak it (false: a toast only); null when nothing reached Renfield.</summary>
    [JsonPropertyName("spoken")]
    public bool? Spoken { get; init; }

    /// <summary>The message the caller left on the answering machine; null when none (joined when read, never stored).</summary>
    [JsonPropertyName("voicemail")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CallVoicemail? Voicemail { get; init; }
}
