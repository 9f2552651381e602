using RenfieldSip.Monitor.History;

namespace RenfieldSip.Monitor.Voicemail;

/// <summary>Erasing a caller takes their messages along: the index entries and the files.</summary>
internal sealed class VoicemailCallerErasure(VoicemailIndex index, VoicemailFiles files) : ICallerErasure
{
    public int Erase(IReadOnlyCollection<string> callIds, Func<string, bool> sameCaller)
    {
        ArgumentNullException.ThrowIfNull(callIds);
        ArgumentNullException.ThrowIfNull(sameCaller);
        var removed = index.RemoveAll(m => callIds.Contains(m.CallId) || (m.CallerNumber is { } number && sameCaller(number)));
        files.Delete(removed, "caller erased");
        return removed.Count;
    }
}
