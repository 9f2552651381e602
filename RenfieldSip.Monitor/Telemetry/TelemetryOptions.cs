namespace RenfieldSip.Monitor.Telemetry;

internal sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>
    /// Caller numbers are personal data; logs, traces and metrics show only the last two digits unless this is false.
    /// </summary>
    public bool RedactCallerNumbers { get; set; } = true;
}
