using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.History;

namespace RenfieldSip.Monitor.Voicemail;

/// <summary>
/// The kept messages by call, newest last, within Voicemail:MaxMessages and Voicemail:MaxAge (the oldest go first).
/// Whoever adds or prunes gets the messages that fell out, to delete their files. Every added or changed message is
/// written to its sidecar under the lock, so the last state written is the last state kept.
/// </summary>
internal sealed class VoicemailIndex(IOptions<VoicemailOptions> options, TimeProvider time, VoicemailSidecars sidecars) : ICallVoicemails
{
    /// <summary>Where the API serves a call's message, below the <c>/api</c> group (mapped by the Web area).</summary>
    public const string AudioRelativePath = "/calls/{callId}/voicemail";

    public const string AudioPath = MonitorExtensions.ApiPrefix + AudioRelativePath;

    private readonly VoicemailOptions _options = options.Value;
    private readonly Lock _gate = new();
    private readonly List<VoicemailMessage> _messages = [];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _messages.Count;
            }
        }
    }

    public VoicemailMessage? Find(string callId)
    {
        lock (_gate)
        {
            return _messages.Find(m => m.CallId == callId);
        }
    }

    public CallVoicemail? Of(string callId) => Find(callId) is not { } message ? null : new CallVoicemail
    {
        DurationSeconds = Math.Round(message.Length.TotalSeconds, 2),
        Transcript = message.Transcript,
        Heard = message.Heard,
        Announcement = message.Announcement,
        AudioUrl = AudioPath.Replace("{callId}", Uri.EscapeDataString(callId), StringComparison.Ordinal),
    };

    /// <summary>Keeps <paramref name="message"/> (replacing one of the same call); returns what retention removed.</summary>
    public IReadOnlyList<VoicemailMessage> Add(VoicemailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_gate)
        {
            _messages.RemoveAll(m => m.CallId == message.CallId);
            _messages.Add(message);
            sidecars.Save(message);
            return PruneLocked();
        }
    }

    /// <summary>
    /// Takes the messages found at start (their sidecars are already on disk), oldest first, beside any kept since;
    /// returns what retention removed.
    /// </summary>
    public IReadOnlyList<VoicemailMessage> Restore(IEnumerable<VoicemailMessage> found)
    {
        ArgumentNullException.ThrowIfNull(found);
        lock (_gate)
        {
            _messages.AddRange(found.Where(m => !_messages.Exists(kept => kept.CallId == m.CallId)));
            var ordered = _messages.OrderBy(m => m.ReceivedAt).ToList();
            _messages.Clear();
            _messages.AddRange(ordered);
            return PruneLocked();
        }
    }

    /// <summary>Drops messages past Voicemail:MaxAge; returns them.</summary>
    public IReadOnlyList<VoicemailMessage> Prune()
    {
        lock (_gate)
        {
            return PruneLocked();
        }
    }

    /// <summary>Every kept message, oldest first.</summary>
    public IReadOnlyList<VoicemailMessage> All()
    {
        lock (_gate)
        {
            return [.. _messages];
        }
    }

    /// <summary>False when no message of <paramref name="callId"/> is kept.</summary>
    public bool Update(string callId, Func<VoicemailMessage, VoicemailMessage> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            var index = _messages.FindIndex(m => m.CallId == callId);
            if (index < 0)
            {
                return false;
            }

            var changed = change(_messages[index]);
            if (changed != _messages[index])
            {
                _messages[index] = changed;
                sidecars.Save(changed);
            }

            return true;
        }
    }

    /// <summary>Forgets every message <paramref name="match"/> accepts; returns them, to delete their files.</summary>
    public IReadOnlyList<VoicemailMessage> RemoveAll(Func<VoicemailMessage, bool> match)
    {
        ArgumentNullException.ThrowIfNull(match);
        lock (_gate)
        {
            var removed = _messages.Where(match).ToList();
            _messages.RemoveAll(removed.Contains);
            return removed;
        }
    }

    public VoicemailMessage? Remove(string callId)
    {
        lock (_gate)
        {
            var index = _messages.FindIndex(m => m.CallId == callId);
            if (index < 0)
            {
                return null;
            }

            var message = _messages[index];
            _messages.RemoveAt(index);
            return message;
        }
    }

    private List<VoicemailMessage> PruneLocked()
    {
        var removed = new List<VoicemailMessage>();
        var oldest = time.GetUtcNow() - _options.MaxAge;
        while (_messages.Count > 0 && (_messages.Count > _options.MaxMessages || _messages[0].ReceivedAt < oldest))
        {
            removed.Add(_messages[0]);
            _messages.RemoveAt(0);
        }

        return removed;
    }
}
