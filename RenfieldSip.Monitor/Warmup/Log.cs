using Microsoft.Extensions.Logging;

namespace RenfieldSip.Monitor.Warmup;

/// <summary>Warm-up logs, EventIds 1950-1959.</summary>
internal static partial class Log
{
    [LoggerMessage(1950, LogLevel.Information, "Warmed up the call path in {ElapsedMs} ms before the AMI login")]
    public static partial void WarmedUp(ILogger logger, long elapsedMs);

    [LoggerMessage(1951, LogLevel.Debug, "Warm-up step {Step}: {ElapsedMs} ms")]
    public static partial void StepTook(ILogger logger, string step, double elapsedMs);

    // The first call then pays what the warm-up would have; the monitor works either way.
    [LoggerMessage(1952, LogLevel.Warning, "The warm-up stopped early ({Reason}); the first call may be slower than the rest")]
    public static partial void Incomplete(ILogger logger, string reason);
}
