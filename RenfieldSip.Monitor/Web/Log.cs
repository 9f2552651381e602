namespace RenfieldSip.Monitor.Web;

/// <summary>Log events of the monitor's web surface (the call list, its login and the API): EventId 1707.</summary>
internal static partial class Log
{
    [LoggerMessage(1707, LogLevel.Information, "Refused a login to the call list with a wrong token")]
    public static partial void LoginRefused(ILogger logger);
}
