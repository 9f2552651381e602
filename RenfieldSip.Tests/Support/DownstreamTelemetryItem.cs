using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace RenfieldSip.Tests.Support;

/// <summary>One captured Activity or measurement: where it came from, and every text it carries as key and value.</summary>
internal sealed record DownstreamTelemetryItem(string Where, ActivitySource? Source, Meter? Meter, IReadOnlyList<(string Key, string Value)> Texts);
