using RenfieldSip.Monitor.Ami;

namespace RenfieldSip.Tests.Support;

/// <summary>An <see cref="IAmiEventHandler"/> that keeps everything it is given, with awaitable counts.</summary>
internal sealed class AmiRecordingEventHandler : IAmiEventHandler
{
    private readonly Lock _gate = new();
    private readonly List<AmiMessage> _events = [];
    private readonly List<byte[]> _rawBlocks = [];
    private readonly AmiTestSignal _signal = new();
    private int _sessionsEnded;

    public IReadOnlyList<AmiMessage> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>The exact bytes of each event block as the handler saw them.</summary>
    public IReadOnlyList<byte[]> RawBlocks
    {
        get
        {
            lock (_gate)
            {
                return [.. _rawBlocks];
            }
        }
    }

    public int SessionsEnded => Volatile.Read(ref _sessionsEnded);

    public int EventCount
    {
        get
        {
            lock (_gate)
            {
                return _events.Count;
            }
        }
    }

    public void OnEvent(AmiFrame frame)
    {
        var message = AmiMessage.FromFrame(frame);
        var raw = frame.Block.ToArray();
        lock (_gate)
        {
            _events.Add(message);
            _rawBlocks.Add(raw);
        }

        _signal.Pulse();
    }

    public void OnSessionEnded()
    {
        Interlocked.Increment(ref _sessionsEnded);
        _signal.Pulse();
    }

    public Task WaitForEventsAsync(int count, TimeSpan? timeout = null) =>
        _signal.WaitUntilAsync(() => EventCount >= count, $"{count} AMI events (have {EventCount})", timeout);

    public Task WaitForSessionsEndedAsync(int count, TimeSpan? timeout = null) =>
        _signal.WaitUntilAsync(() => SessionsEnded >= count, $"{count} AMI sessions ended (have {SessionsEnded})", timeout);
}
