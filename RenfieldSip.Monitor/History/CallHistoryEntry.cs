using System.Diagnostics;
using RenfieldSip.Monitor.Identity;
using RenfieldSip.Monitor.Rules;

namespace RenfieldSip.Monitor.History;

/// <summary>What the history knows of one call before its record is complete. Guarded by <see cref="CallHistory"/>'s lock.</summary>
internal sealed class CallHistoryEntry(string callId, string? did, DateTimeOffset startedAt, bool testCall, Activity? activity)
{
    public string CallId { get; } = callId;

    public string? Did { get; } = did;

    public DateTimeOffset StartedAt { get; } = startedAt;

    public bool TestCall { get; } = testCall;

    public Activity? Activity { get; } = activity;

    public CallerIdentity? Caller { get; set; }

    public CallOutcome? Outcome { get; set; }

    public RenfieldStatus? RenfieldStatus { get; set; }

    /// <summary>The phonebook rule that decided; null when none did.</summary>
    public DecidingRule? Rule { get; set; }

    /// <summary>Whether the announcement was to be spoken; false when a rule made it a toast or kept it back.</summary>
    public bool? Spoken { get; set; }

    public bool Ended { get; set; }

    public bool AnnouncementPending { get; set; }

    public CallEnding Ending { get; set; } = CallEnding.Lost;

    public DateTimeOffset? EndedAt { get; set; }

    public int? HangupCause { get; set; }

    public string? HangupCauseText { get; set; }

    /// <summary>Complete: the test call once announced; a call once ended and its announcement (if any) done.</summary>
    public bool IsComplete => TestCall ? Outcome is not null : Ended && (Outcome is not null || !AnnouncementPending);
}
