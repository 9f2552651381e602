namespace RenfieldSip.Monitor.Lifecycle;

/// <summary>Call lifecycle log events, EventIds 1500-1599.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1500, Level = LogLevel.Warning, Message = "Lifecycle listener {Subscriber} is behind: it lost the oldest event it had not read ({Event} of call {CallId})")]
    public static partial void EventDropped(ILogger logger, string subscriber, string @event, string callId);
}
