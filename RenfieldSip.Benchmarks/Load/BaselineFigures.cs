namespace RenfieldSip.Benchmarks.Load;

/// <summary>
/// The baseline design (Python, panoramisk) as measured on this machine when the targets were set. It cannot be
/// re-measured here (its packages are not reachable), so these are quoted, not measured.
/// </summary>
internal static class BaselineFigures
{
    public const double EventsPerSecond = 30_000;
    public const double CallsPerSecond = 500;
    public const double PeakRssMbAt10kCalls = 250;
    public const double PeakRssMbAt50kCalls = 1024;
    public const double P99MsAt200CallsPerSecond = 3;
    public const double RawReaderEventsPerSecond = 6_000_000;
}
