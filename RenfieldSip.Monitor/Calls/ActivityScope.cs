using System.Diagnostics;

namespace RenfieldSip.Monitor.Calls;

/// <summary>
/// Makes a call's activity current while the read loop handles one of its events, so that the logs written
/// there land in the call's trace, and restores the loop's own context afterwards.
/// </summary>
internal readonly struct ActivityScope : IDisposable
{
    private readonly Activity? _previous;
    private readonly bool _changed;

    private ActivityScope(Activity? activity)
    {
        _previous = Activity.Current;
        _changed = activity is not null;
        if (_changed)
        {
            Activity.Current = activity;
        }
    }

    public static ActivityScope Enter(Activity? activity) => new(activity);

    public void Dispose()
    {
        if (_changed)
        {
            Activity.Current = _previous;
        }
    }
}
