namespace RenfieldSip.Benchmarks.Load;

internal sealed record LatencySummary(double P50, double P95, double P99, double Max)
{
    public static LatencySummary? From(double[] latenciesMs)
    {
        if (latenciesMs.Length == 0)
        {
            return null;
        }

        Array.Sort(latenciesMs);
        return new LatencySummary(Rank(latenciesMs, 0.50), Rank(latenciesMs, 0.95), Rank(latenciesMs, 0.99), latenciesMs[^1]);
    }

    // Nearest rank: the reported p99 is a latency some call really had.
    private static double Rank(double[] sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
}
