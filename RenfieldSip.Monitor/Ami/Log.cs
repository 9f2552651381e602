namespace RenfieldSip.Monitor.Ami;

/// <summary>Every log line of the AMI area. EventIds 1000-1099 are stable; never pass the secret or frame bytes.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Debug, Message = "Connecting to AMI at {Endpoint} as user '{Username}'")]
    public static partial void Connecting(ILogger logger, string endpoint, string username);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Logged in to AMI at {Endpoint} as user '{Username}' ({Banner})")]
    public static partial void LoggedIn(ILogger logger, string endpoint, string username, string banner);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "AMI login for user '{Username}' at {Endpoint} was refused (Authentication failed). " +
        "Fix: AMI_SECRET (Ami:Secret) must equal the secret of [{Username}] in Asterisk's manager.conf, that user must exist, " +
        "and its permit= must allow this host. Next attempt in {RetryDelay}.")]
    public static partial void LoginRejected(ILogger logger, string username, string endpoint, TimeSpan retryDelay);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "AMI at {Endpoint} is unreachable: {Reason}. Retrying with backoff (at most every {MaxDelay})")]
    public static partial void ConnectFailed(ILogger logger, string endpoint, string reason, TimeSpan maxDelay);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Debug, Message = "AMI at {Endpoint} still unreachable (attempt {Attempt}): {Reason}. Next attempt in {Delay}")]
    public static partial void ConnectFailedAgain(ILogger logger, string endpoint, int attempt, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "AMI session with {Endpoint} ended: {Reason}. Reconnecting in {Delay}")]
    public static partial void SessionLost(ILogger logger, string endpoint, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "AMI at {Endpoint} did not answer a Ping within {PongTimeout} (Ami:PongTimeout); treating the connection as dead")]
    public static partial void PongTimeout(ILogger logger, string endpoint, TimeSpan pongTimeout);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Warning, Message = "AMI protocol error from {Endpoint}: {Reason}")]
    public static partial void ProtocolError(ILogger logger, string endpoint, string reason);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Error, Message = "The AMI event handler failed; the event was skipped and the session continues")]
    public static partial void HandlerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Information, Message = "Logged off from AMI at {Endpoint}")]
    public static partial void LoggedOff(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Debug, Message = "AMI Logoff at {Endpoint} got no answer in time; closing anyway")]
    public static partial void LogoffUnanswered(ILogger logger, string endpoint);
}
