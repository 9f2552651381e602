using System.Threading.Channels;

namespace RenfieldSip.Monitor.Voicemail;

/// <summary>
/// Finished messages between the AMI read loop and the one worker that announces them. Bounded: a flood of events
/// must not grow memory; a message that finds it full is not announced (its file stays, and the log says so).
/// </summary>
internal sealed class VoicemailQueue
{
    private readonly Channel<VoicemailArrival> _channel = Channel.CreateBounded<VoicemailArrival>(
        new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    public ChannelReader<VoicemailArrival> Reader => _channel.Reader;

    public bool TryAdd(VoicemailArrival arrival) => _channel.Writer.TryWrite(arrival);
}
