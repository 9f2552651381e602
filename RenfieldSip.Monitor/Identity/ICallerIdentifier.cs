
namespace RenfieldSip.Monitor.Identity;

internal interface ICallerIdentifier
{
    /// <summary>Identifies a caller from the raw AMI caller id. Never throws on hostile input.</summary>
    CallerIdentity Identify(string? callerNumber, string? callerName, CallerPresentation presentation);
}
