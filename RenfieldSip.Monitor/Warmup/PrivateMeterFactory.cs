using System.Diagnostics.Metrics;

namespace RenfieldSip.Monitor.Warmup;

/// <summary>
/// Meters for the warm-up's own copies of the call path. They get a name no metrics pipeline listens to, so a
/// rehearsed call is never counted as a call.
/// </summary>
internal sealed class PrivateMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var meter = new Meter(options.Name + ".WarmUp", options.Version);
        _meters.Add(meter);
        return meter;
    }

    public void Dispose()
    {
        foreach (var meter in _meters)
        {
            meter.Dispose();
        }
    }
}
