namespace RenfieldSip.Benchmarks.Load;

/// <summary>One measured (or derived) number of one run; runs are aggregated by scenario and name.</summary>
internal sealed record Figure(string Scenario, string Name, double Value, string Unit);
