namespace RenfieldSip.Benchmarks.Load;

internal sealed record PumpPlan(PumpMode Mode, double CallsPerSecond = 0, int Window = 0);
