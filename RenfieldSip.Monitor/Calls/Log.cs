using RenfieldSip.Monitor.Identity;
namespace RenfieldSip.Monitor.Calls;

internal static partial class Log
{
    [LoggerMessage(1100, LogLevel.Information, "Incoming call {CallId} to {Did}")]
    public static partial void CallDetected(ILogger logger, string callId, string? did);

    [LoggerMessage(1101, LogLevel.Information, "Call {CallId} identified: presentation {Presentation}, caller {CallerNumber} (settled by {SettledBy})")]
    public static partial void IdentitySettled(ILogger logger, string callId, CallerPresentation presentation, string callerNumber, string settledBy);

    [LoggerMessage(1102, LogLevel.Information, "Call {CallId} ended: cause {Cause} ({CauseText}), SIP {TechCause}")]
    public static partial void CallEnded(ILogger logger, string callId, string? cause, string? causeText, string? techCause);

    [LoggerMessage(1103, LogLevel.Warning, "Call {CallId} ended (cause {Cause}, SIP {TechCause}) before its caller was identified; not announced")]
    public static partial void EndedBeforeIdentity(ILogger logger, string callId, string? cause, string? techCause);

    [LoggerMessage(1104, LogLevel.Warning, "No UserEvent '{IdentityEvent}' arrived within {SettleTimeout} of a call: the dialplan does not emit it, or the AMI user lacks 'read = user' in manager.conf. Calls are announced without caller id because a withheld number cannot be told apart on AMI. Use config/asterisk/extensions.conf, or set Calls:TrustCallerIdWithoutPresentation=true to accept that risk (docs/ARCHITECTURE.md).")]
    public static partial void NoIdentityEvent(ILogger logger, string identityEvent, TimeSpan settleTimeout);

    [LoggerMessage(1105, LogLevel.Warning, "Call {CallId} forgotten: the AMI session ended while it was ringing (announced: {Announced})")]
    public static partial void CallLostWithSession(ILogger logger, string callId, bool announced);

    [LoggerMessage(1113, LogLevel.Warning, "Ignored an AMI {EventName} event that names two different Uniqueids or Contexts: a caller id carried a raw line break that the PBX did not escape, so the event cannot be attributed to a call")]
    public static partial void AmbiguousEvent(ILogger logger, string eventName);
}
