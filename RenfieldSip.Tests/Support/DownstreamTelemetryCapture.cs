using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace RenfieldSip.Tests.Support;

/// <summary>
/// Everything the process emits as traces and metrics while it lives: every stopped Activity of every source (name,
/// status, tags, events with their tags, baggage) and every measurement of every instrument (name, value, tags).
/// Each item keeps the source or meter it came from, so a test can tell its own monitor's items from those of tests
/// running beside it.
/// </summary>
internal sealed class DownstreamTelemetryCapture : IDisposable
{
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters;
    private readonly ConcurrentQueue<DownstreamTelemetryItem> _items = new();

    public DownstreamTelemetryCapture()
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = OnActivityStopped,
        };
        ActivitySource.AddActivityListener(_activities);

        _meters = new MeterListener { InstrumentPublished = (instrument, listener) => listener.EnableMeasurementEvents(instrument) };
        _meters.SetMeasurementEventCallback<long>((i, v, t, _) => OnMeasurement(i, v, t));
        _meters.SetMeasurementEventCallback<int>((i, v, t, _) => OnMeasurement(i, v, t));
        _meters.SetMeasurementEventCallback<double>((i, v, t, _) => OnMeasurement(i, v, t));
        _meters.SetMeasurementEventCallback<float>((i, v, t, _) => OnMeasurement(i, v, t));
        _meters.SetMeasurementEventCallback<decimal>((i, v, t, _) => OnMeasurement(i, v, t));
        _meters.SetMeasurementEventCallback<short>((i, v, t, _) => OnMeasurement(i, v, t));
        _meters.SetMeasurementEventCallback<byte>((i, v, t, _) => OnMeasurement(i, v, t));
        _meters.Start();
    }

    public IReadOnlyList<DownstreamTelemetryItem> Items => [.. _items];

    /// <summary>Reads every observable instrument once (gauges and observable counters report only when asked).</summary>
    public void RecordObservableInstruments() => _meters.RecordObservableInstruments();

    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
    }

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable sequence and not string => string.Join(",", sequence.Cast<object?>().Select(Text)),
        _ => value.ToString() ?? string.Empty,
    };

    private void OnActivityStopped(Activity activity)
    {
        var where = $"activity {activity.Source.Name}/{activity.OperationName}";
        var texts = new List<(string Key, string Value)>
        {
            ("display_name", activity.DisplayName),
            ("status", activity.StatusDescription ?? string.Empty),
        };
        texts.AddRange(activity.TagObjects.Select(tag => (tag.Key, Text(tag.Value))));
        texts.AddRange(activity.Baggage.Select(item => ("baggage " + item.Key, item.Value ?? string.Empty)));
        foreach (var activityEvent in activity.Events)
        {
            texts.Add(("event", activityEvent.Name));
            texts.AddRange(activityEvent.Tags.Select(tag => ("event " + activityEvent.Name + " " + tag.Key, Text(tag.Value))));
        }

        _items.Enqueue(new DownstreamTelemetryItem(where, activity.Source, null, texts));
    }

    private void OnMeasurement<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var texts = new List<(string Key, string Value)> { ("value", Text(value)) };
        foreach (var tag in tags)
        {
            texts.Add((tag.Key, Text(tag.Value)));
        }

        _items.Enqueue(new DownstreamTelemetryItem($"metric {instrument.Meter.Name}/{instrument.Name}", null, instrument.Meter, texts));
    }
}
