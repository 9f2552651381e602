using System.Diagnostics;
using RenfieldSip.Monitor.Identity;

namespace RenfieldSip.Monitor.Calls;

/// <summary>What the tracker knows of one inbound channel between its first event and its Hangup.</summary>
internal sealed class TrackedCall(string callId, string? did, DateTimeOffset detectedAt, Activity? activity)
{
    public string CallId { get; } = callId;

    public string? Did { get; } = did;

    public DateTimeOffset DetectedAt { get; } = detectedAt;

    public Activity? Activity { get; } = activity;

    public string? CallerNumber { get; set; }

    public string? CallerName { get; set; }

    /// <summary>Presentation as far as a NewCallerid's <c>CID-CallingPres</c> told it; the identity event overrides it.</summary>
    public CallerPresentation Presentation { get; set; } = CallerPresentation.Unknown;

    public bool Announced { get; set; }

    public ITimer? SettleTimer { get; set; }
}
