using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.History;
using RenfieldSip.Monitor.Identity;
using RenfieldSip.Monitor.Notification;

namespace RenfieldSip.Benchmarks.Micro;

/// <summary>
/// Recording one call as the monitor does: the tracker's start and end, the announcer's caller and outcome, then the
/// complete record into the in-memory store (capped at its default 1000 calls, so the store stays full).
/// </summary>
[MemoryDiagnoser]
public class CallHistoryBenchmarks
{
    private const int Calls = 1000;
    private static readonly CallerIdentity Caller = new(CallerKind.Contact, "Max Mustermann", "+49 170 1234567", "+491701234567");

    private readonly CallHistory _history = new(Options.Create(new HistoryOptions()), NullLogger<CallHistory>.Instance);
    private readonly MemoryCallHistoryStore _store = new(TimeProvider.System, new HistoryOptions().MaxCalls, new HistoryOptions().MaxAge);
    private string[] _callIds = [];

    [GlobalSetup]
    public void Setup() => _callIds = [.. Enumerable.Range(0, Calls).Select(i => $"1795513386.{i}")];

    [Benchmark(OperationsPerInvoke = Calls)]
    public int RecordCall()
    {
        var started = TimeProvider.System.GetUtcNow();
        foreach (var callId in _callIds)
        {
            _history.CallStarted(callId, "+4930123456", started, activity: null);
            _history.CallerIdentified(callId, Caller);
            _history.AnnouncementFinished(callId, DeliveryOutcome.Delivered);
            _history.CallEnded(callId, started.AddSeconds(3), "127", "Interworking, unspecified", "487", announcementPending: true);
        }

        var stored = 0;
        while (_history.Completed.TryRead(out var record))
        {
            _store.Append(record);
            stored++;
        }

        return stored;
    }
}
