using System.Diagnostics;
using RenfieldSip.Monitor.Identity;

namespace RenfieldSip.Monitor.Announcements;

/// <summary>
/// A call whose identity is settled and that is ready to be announced.
/// </summary>
/// <param name="CallId">Asterisk's Uniqueid of the inbound channel: the same on every replica.</param>
/// <param name="CallerNumber">The caller id number as Asterisk reported it; null when withheld or absent.</param>
/// <param name="CallerName">The caller id name as Asterisk reported it (caller-controlled text); null when absent.</param>
/// <param name="Did">The dialled number from the first Newchannel, before the dialplan rewrote it.</param>
/// <param name="Presentation">Whether the caller allowed the number to be shown.</param>
/// <param name="DetectedAt">When the monitor first saw the call, from the injected TimeProvider.</param>
/// <param name="Activity">The call's root activity; the pipeline parents its work to it.</param>
internal sealed record IncomingCall(
    string CallId,
    string? CallerNumber,
    string? CallerName,
    string? Did,
    CallerPresentation Presentation,
    DateTimeOffset DetectedAt,
    Activity? Activity);
