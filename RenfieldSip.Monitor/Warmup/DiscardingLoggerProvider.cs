namespace RenfieldSip.Monitor.Warmup;

/// <summary>
/// The only provider of the warm-up's private logger factory: the private copies log through the same generated
/// code and <c>Logger&lt;T&gt;</c> wrappers as the real ones, and nothing is written.
/// </summary>
internal sealed class DiscardingLoggerProvider : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => DiscardingLogger.Instance;

    public void Dispose()
    {
    }
}
