using System.Globalization;

namespace RenfieldSip.Benchmarks.Load;

/// <summary>VmHWM (peak resident set) and VmRSS of a process, in MB, from /proc/&lt;pid&gt;/status.</summary>
internal sealed record ProcessMemory(double PeakRssMb, double RssMb)
{
    public static ProcessMemory? Read(int pid)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        double? hwm = null;
        double? rss = null;
        foreach (var line in lines)
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                hwm = Kilobytes(line);
            }
            else if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line);
            }
        }

        return hwm is { } peak && rss is { } current ? new ProcessMemory(peak / 1024, current / 1024) : null;
    }

    private static double Kilobytes(string line) =>
        double.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
}
