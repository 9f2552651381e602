using System.Diagnostics;

namespace RenfieldSip.Monitor.Lifecycle;

/// <summary>The call tracker saw a call start (or the test call was pressed): the first stage of every call.</summary>
/// <param name="CallId">The call.</param>
/// <param name="Did">The number called, already cleaned; null for the test call.</param>
/// <param name="DetectedAt">When the monitor first saw the call.</param>
/// <param name="Activity">
/// The call's root activity. The tracker leaves it running: the listener that knows the call's outcome (the history)
/// tags and ends it, so the trace carries the outcome even when the announcement finished after the hangup.
/// </param>
/// <param name="TestCall">The test call: nothing will hang it up, so its announcement's outcome is its end.</param>
internal sealed record CallDetected(string CallId, string? Did, DateTimeOffset DetectedAt, Activity? Activity, bool TestCall = false)
    : CallEvent(CallId);
