using System.Globalization;

namespace RenfieldSip.Benchmarks.Load;

/// <summary>
/// VmHWM (peak resident set), VmRSS and its anonymous part RssAnon of a process, in MB, from /proc/&lt;pid&gt;/status.
/// RssAnon leaves out the mapped executable and libraries, which a container shares with its image's page cache.
/// </summary>
internal sealed record ProcessMemory(double PeakRssMb, double RssMb, double RssAnonMb)
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
        double anon = double.NaN;
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
            else if (line.StartsWith("RssAnon:", StringComparison.Ordinal))
            {
                anon = Kilobytes(line, "RssAnon:".Length) / 1024;
            }
        }

        return hwm is { } peak && rss is { } current ? new ProcessMemory(peak / 1024, current / 1024, anon) : null;
    }

    private static double Kilobytes(string line, int nameLength = 6) =>
        double.Parse(line.AsSpan(nameLength).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
}
