using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.Ami;

namespace RenfieldSip.Monitor.Voicemail;

/// <summary>
/// Learns of finished messages from the dialplan's UserEvent and hands each one on once the call's Hangup came:
/// Asterisk closes the recording with the channel, so only then is the file complete. Never looks for files itself.
/// </summary>
internal sealed class VoicemailEventHandler : IAmiEventHandler
{
    // Arrivals whose Hangup has not come yet; a call has at most one message, and every call hangs up moments later.
    private const int MaxPending = 256;

    private readonly Dictionary<string, VoicemailArrival> _pending = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly VoicemailQueue _queue;
    private readonly byte[] _eventName;
    private readonly bool _enabled;
    private readonly ILogger<VoicemailEventHandler> _logger;

    public VoicemailEventHandler(VoicemailQueue queue, IOptions<VoicemailOptions> options, ILogger<VoicemailEventHandler> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _queue = queue;
        _eventName = Encoding.UTF8.GetBytes(options.Value.Event);
        _enabled = options.Value.IsEnabled;
        _logger = logger;
    }

    public void OnEvent(AmiFrame frame)
    {
        if (!_enabled)
        {
            return;
        }

        var name = frame.Name;
        if (Ascii.EqualsIgnoreCase(name, "UserEvent"u8))
        {
            OnUserEvent(frame);
        }
        else if (Ascii.EqualsIgnoreCase(name, "Hangup"u8))
        {
            OnHangup(frame);
        }
    }

    /// <summary>The session is gone, and with it every Hangup still to come: what is pending is handed on now.</summary>
    public void OnSessionEnded()
    {
        List<VoicemailArrival> pending;
        lock (_gate)
        {
            pending = [.. _pending.Values];
            _pending.Clear();
        }

        foreach (var arrival in pending)
        {
            Enqueue(arrival);
        }
    }

    private void OnUserEvent(AmiFrame frame)
    {
        if (!frame.TryGetValue("UserEvent"u8, out var userEvent) || !Ascii.EqualsIgnoreCase(userEvent, _eventName))
        {
            return;
        }

        var callId = frame.GetString("Uniqueid"u8);
        var file = frame.GetString("File"u8);
        if (string.IsNullOrEmpty(callId) || callId.Length > 64 || !VoicemailFileName.IsSafe(file))
        {
            Log.EventRefused(_logger, callId ?? "(none)");
            return;
        }

        int? milliseconds = int.TryParse(frame.GetString("Milliseconds"u8), NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? ms : null;
        var arrival = new VoicemailArrival(callId, file!, milliseconds, frame.GetString("Status"u8));
        lock (_gate)
        {
            if (_pending.Count >= MaxPending)
            {
                Log.EventRefused(_logger, callId);
                return;
            }

            _pending[callId] = arrival;
        }

        Log.MessageReported(_logger, callId, milliseconds ?? -1, arrival.Status ?? "(none)");
    }

    private void OnHangup(AmiFrame frame)
    {
        VoicemailArrival? arrival;
        lock (_gate)
        {
            if (_pending.Count == 0)
            {
                return;
            }

            var callId = frame.GetString("Uniqueid"u8);
            if (callId is null || !_pending.Remove(callId, out arrival))
            {
                return;
            }
        }

        Enqueue(arrival);
    }

    private void Enqueue(VoicemailArrival arrival)
    {
        if (!_queue.TryAdd(arrival))
        {
            Log.QueueFull(_logger, arrival.CallId);
        }
    }
}
