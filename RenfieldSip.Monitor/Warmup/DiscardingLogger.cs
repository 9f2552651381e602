namespace RenfieldSip.Monitor.Warmup;

/// <summary>
/// What <see cref="DiscardingLoggerProvider"/> hands out: it asks for every message and formats it the way a log
/// provider does (the text and the structured fields), then drops it.
/// </summary>
internal sealed class DiscardingLogger : ILogger
{
    public static readonly DiscardingLogger Instance = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        _ = formatter(state, exception);
        if (state is IReadOnlyList<KeyValuePair<string, object?>> fields)
        {
            for (var i = 0; i < fields.Count; i++)
            {
                _ = fields[i].Value;
            }
        }
    }
}
