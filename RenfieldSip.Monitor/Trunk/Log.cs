namespace RenfieldSip.Monitor.Trunk;

/// <summary>
/// Every log line of the trunk area: one per change of the trunk's condition. EventIds 1600-1699 are stable; the
/// texts come from <see cref="TrunkDiagnosis"/> so the log and /health say the same thing.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1600, Level = LogLevel.Information, Message = "{Problem}")]
    public static partial void Registered(ILogger logger, string problem);

    [LoggerMessage(EventId = 1601, Level = LogLevel.Warning, Message = "{Problem} Fix: {Fix}")]
    public static partial void CredentialsRefused(ILogger logger, string problem, string fix);

    [LoggerMessage(EventId = 1602, Level = LogLevel.Warning, Message = "{Problem} Fix: {Fix}")]
    public static partial void RegistrarSilent(ILogger logger, string problem, string fix);

    [LoggerMessage(EventId = 1603, Level = LogLevel.Warning, Message = "{Problem} Fix: {Fix}")]
    public static partial void KeepAliveUnanswered(ILogger logger, string problem, string fix);

    [LoggerMessage(EventId = 1604, Level = LogLevel.Warning, Message = "{Problem} Fix: {Fix}")]
    public static partial void RegistrationFailed(ILogger logger, string problem, string fix);

    [LoggerMessage(EventId = 1605, Level = LogLevel.Warning, Message = "{Problem} Fix: {Fix}")]
    public static partial void NotRegistered(ILogger logger, string problem, string fix);

    [LoggerMessage(EventId = 1606, Level = LogLevel.Warning, Message = "{Problem} Fix: {Fix}")]
    public static partial void Unreported(ILogger logger, string problem, string fix);

    [LoggerMessage(EventId = 1607, Level = LogLevel.Information, Message = "{Problem}")]
    public static partial void Recovering(ILogger logger, string problem);

    public static void Changed(ILogger logger, TrunkDiagnosis diagnosis)
    {
        var fix = diagnosis.Fix ?? string.Empty;
        switch (diagnosis.Condition)
        {
            case TrunkCondition.Registered:
                Registered(logger, diagnosis.Problem);
                break;
            case TrunkCondition.CredentialsRefused:
                CredentialsRefused(logger, diagnosis.Problem, fix);
                break;
            case TrunkCondition.RegistrarSilent:
                RegistrarSilent(logger, diagnosis.Problem, fix);
                break;
            case TrunkCondition.KeepAliveUnanswered:
                KeepAliveUnanswered(logger, diagnosis.Problem, fix);
                break;
            case TrunkCondition.RegistrationFailed:
                RegistrationFailed(logger, diagnosis.Problem, fix);
                break;
            case TrunkCondition.NotRegistered:
                NotRegistered(logger, diagnosis.Problem, fix);
                break;
            case TrunkCondition.Unreported:
                Unreported(logger, diagnosis.Problem, fix);
                break;
            case TrunkCondition.Recovering:
                Recovering(logger, diagnosis.Problem);
                break;
            default:
                break;
        }
    }
}
