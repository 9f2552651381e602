using System.Diagnostics;
using RenfieldSip.Monitor.Identity;
using RenfieldSip.Monitor.Notification;
using RenfieldSip.Monitor.Rules;

namespace RenfieldSip.Monitor.History;

/// <summary>
/// What the call tracker and the announcer tell the history. A call's record is written once, when both its end
/// and its announcement's outcome are known; until then the history holds the call's root activity, tags it with
/// the outcome (<c>renfieldsip.call.outcome</c>) and ends it, so the trace carries the outcome too.
/// </summary>
internal interface ICallHistory
{
    /// <summary>The tracker saw a call start (<paramref name="activity"/> is its root, ended by the history from now on).</summary>
    void CallStarted(string callId, string? did, DateTimeOffset startedAt, Activity? activity);

    /// <summary>The test call: recorded as such once its announcement is done, since nothing will hang it up.</summary>
    void TestCallStarted(string callId, DateTimeOffset startedAt, Activity? activity);

    /// <summary>The announcer knows who is announced (already cleaned; a withheld number is not in it).</summary>
    void CallerIdentified(string callId, CallerIdentity caller);

    /// <summary>
    /// The announcer decided how the call is announced: <paramref name="rule"/> is the phonebook rule that decided
    /// (null when none did), <paramref name="spoken"/> whether Renfield is asked to speak it.
    /// </summary>
    void AnnouncementComposed(string callId, DecidingRule? rule, bool spoken);

    void AnnouncementFinished(string callId, DeliveryOutcome outcome);

    /// <summary>The queue dropped the call before any worker took it.</summary>
    void AnnouncementDropped(string callId);

    /// <param name="callId">The call.</param>
    /// <param name="endedAt">When the Hangup was seen.</param>
    /// <param name="cause">Hangup <c>Cause</c> (Q.850).</param>
    /// <param name="causeText">Hangup <c>Cause-txt</c>.</param>
    /// <param name="techCause">Hangup <c>TechCause</c> (the SIP status).</param>
    /// <param name="announcementPending">Whether the call was handed to the announcer (its outcome is then awaited).</param>
    void CallEnded(string callId, DateTimeOffset endedAt, string? cause, string? causeText, string? techCause, bool announcementPending);

    /// <summary>The AMI session ended while the call rang: its end will never be seen.</summary>
    void CallLost(string callId, bool announcementPending);
}
