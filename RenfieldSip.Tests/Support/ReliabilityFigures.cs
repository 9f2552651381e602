using System.Diagnostics;
using System.Globalization;

namespace RenfieldSip.Tests.Support;

/// <summary>Prints a measured figure so it can be read from the detailed console log of a test run.</summary>
internal static class ReliabilityFigures
{
    public static void Report(string row, string figure, TimeSpan value) =>
        Report(row, figure, value.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms");

    public static void Report(string row, string figure, string value)
    {
        var line = $"FIGURE [{row}] {figure}: {value}";
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        Trace.WriteLine(line);
    }

    public static string Mebibytes(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MiB";
}
