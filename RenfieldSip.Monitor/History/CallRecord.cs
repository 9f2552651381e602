namespace RenfieldSip.Monitor.History;

/// <summary>
/// One call as the history keeps it: when, to which number, who (as announced; a withheld number is never held),
/// how it ended and what the monitor did. Caller-written text is already cleaned; pages still encode it.
/// </summary>
internal sealed record CallRecord
{
    /// <summary>Where the store keeps it (<c>milliseconds-sequence</c>, newer is greater); the paging cursor. Null until stored.</summary>
    public string? Id { get; init; }

    /// <summary>Asterisk's Uniqueid (<c>test-…</c> for the test call).</summary>
    public required string CallId { get; init; }

    public bool TestCall { get; init; }

    /// <summary>When the monitor saw the call start.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>The number that was called; null for the test call.</summary>
    public string? Did { get; init; }

    /// <summary>The caller's number as announced (formatted); null when withheld or unknown.</summary>
    public string? CallerNumber { get; init; }

    /// <summary>The caller's name as announced; null when none was announced.</summary>
    public string? CallerName { get; init; }

    public bool Withheld { get; init; }

    /// <summary><c>phonebook</c>, <c>caller_id</c> or <c>none</c>: where <see cref="CallerName"/> came from.</summary>
    public string NameSource { get; init; } = CallerNameSource.None;

    /// <summary>From the start to the hangup; null when the end is unknown or nothing rang.</summary>
    public double? RingSeconds { get; init; }

    public CallEnding Ended { get; init; }

    /// <summary>Asterisk's Q.850 hangup cause, when a Hangup was seen.</summary>
    public int? HangupCause { get; init; }

    public string? HangupCauseText { get; init; }

    public CallOutcome Outcome { get; init; }

    /// <summary>What Renfield answered (<c>delivered</c>, <c>unauthorized</c>, …); null when nothing reached Renfield.</summary>
    public string? RenfieldStatus { get; init; }
}
