namespace RenfieldSip.Monitor.Ami;

/// <summary>
/// Every <see cref="IAmiEventHandler"/> the areas registered, fed in registration order from the one read loop.
/// Each handler rejects the events it does not care about on the raw bytes, so a second handler costs little.
/// </summary>
internal sealed class AmiEventHandlers : IAmiEventHandler
{
    private readonly IAmiEventHandler[] _handlers;

    private AmiEventHandlers(IAmiEventHandler[] handlers) => _handlers = handlers;

    /// <summary>The single handler itself, or all of them behind one.</summary>
    public static IAmiEventHandler From(IEnumerable<IAmiEventHandler> handlers)
    {
        var all = handlers.ToArray();
        return all.Length switch
        {
            0 => throw new InvalidOperationException("No IAmiEventHandler is registered: the AMI client would read for nobody."),
            1 => all[0],
            _ => new AmiEventHandlers(all),
        };
    }

    public void OnEvent(AmiFrame frame)
    {
        foreach (var handler in _handlers)
        {
            handler.OnEvent(frame);
        }
    }

    public void OnSessionEnded()
    {
        foreach (var handler in _handlers)
        {
            handler.OnSessionEnded();
        }
    }
}
