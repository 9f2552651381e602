using RenfieldSip.Monitor.Ami;

namespace RenfieldSip.Monitor.Trunk;

/// <summary>
/// Puts the trunk's events beside the call events: the AMI client feeds one <see cref="IAmiEventHandler"/>, so this
/// wraps the one the Calls area registered and hands every event to both. The call path runs first and stays as
/// fast as before: the trunk handler rejects all but two event names on the raw bytes.
/// </summary>
internal sealed class TrunkEventFanOut(IAmiEventHandler calls, TrunkEventHandler trunk) : IAmiEventHandler
{
    public void OnSessionStarted() => calls.OnSessionStarted();

    public void OnEvent(AmiFrame frame)
    {
        calls.OnEvent(frame);
        trunk.OnEvent(frame);
    }

    public void OnSessionEnded() => calls.OnSessionEnded();
}
