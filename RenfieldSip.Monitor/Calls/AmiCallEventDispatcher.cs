using System.Diagnostics.CodeAnalysis;
using System.Text;
using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.Ami;
using RenfieldSip.Monitor.Identity;

namespace RenfieldSip.Monitor.Calls;

/// <summary>
/// Turns AMI events into call facts for the <see cref="CallTracker"/>. Everything that is not an inbound trunk
/// call is rejected on the raw bytes, before a single string is made, so a busy Asterisk's noise costs no allocation.
/// </summary>
internal sealed class AmiCallEventDispatcher : IAmiEventHandler
{
    private const int MaxCallIdLength = 64;

    private readonly CallTracker _tracker;
    private readonly byte[][] _inboundContexts;
    private readonly byte[] _identityEvent;

    public AmiCallEventDispatcher(CallTracker tracker, IOptions<CallOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _tracker = tracker;
        _inboundContexts = [.. options.Value.InboundContexts.Select(Encoding.UTF8.GetBytes)];
        _identityEvent = Encoding.UTF8.GetBytes(options.Value.IdentityEvent);
    }

    public void OnSessionEnded() => _tracker.OnSessionEnded();

    public void OnEvent(AmiFrame frame)
    {
        var name = frame.Name;
        if (Ascii.EqualsIgnoreCase(name, "Newchannel"u8))
        {
            OnNewchannel(frame);
        }
        else if (Ascii.EqualsIgnoreCase(name, "Hangup"u8))
        {
            OnHangup(frame);
        }
        else if (Ascii.EqualsIgnoreCase(name, "UserEvent"u8))
        {
            OnUserEvent(frame);
        }
        else if (Ascii.EqualsIgnoreCase(name, "NewCallerid"u8))
        {
            OnNewCallerid(frame);
        }

        // HangupRequest and SoftHangupRequest precede Hangup and add nothing it lacks; DeviceStateChange, Local
        // channel plumbing, dialplan and RTCP events are not calls. Each handler checks IsAmbiguous only once an
        // event looks like it concerns an inbound call, so noise never pays for the extra scan.
    }

    /// <summary>
    /// Reads <c>CID-CallingPres</c> (e.g. <c>32 (Presentation Prohibited, Not Screened)</c>): the number's low
    /// bits are Q.931 presentation, 0 allowed, 1 restricted, 2 unavailable.
    /// </summary>
    internal static CallerPresentation ParseCallingPres(ReadOnlySpan<byte> value)
    {
        var end = value.IndexOfAnyExceptInRange((byte)'0', (byte)'9');
        var digits = end < 0 ? value : value[..end];
        if (digits.IsEmpty || !int.TryParse(digits, out var pres))
        {
            return CallerPresentation.Unknown;
        }

        return ((pres >> 5) & 0x3) switch
        {
            0 => CallerPresentation.Allowed,
            1 => CallerPresentation.Withheld,
            _ => CallerPresentation.Unknown,
        };
    }

    /// <summary>Reads the dialplan's <c>${CALLERID(pres)}</c> text: <c>allowed_not_screened</c>, <c>prohib_…</c>, <c>unavailable</c>.</summary>
    internal static CallerPresentation ParsePresentationName(ReadOnlySpan<byte> value)
    {
        if (value.StartsWith("prohib"u8))
        {
            return CallerPresentation.Withheld;
        }

        return value.StartsWith("allowed"u8) ? CallerPresentation.Allowed : CallerPresentation.Unknown;
    }

    private static string? Text(AmiFrame frame, ReadOnlySpan<byte> key) => frame.GetString(key);

    /// <summary>
    /// Asterisk writes a channel's Uniqueid and Context once per event, after CallerIDName. A second, different value
    /// can only come from a caller id that carried a raw line break (a PBX or channel driver that does not escape it):
    /// taken at face value it would move this event onto another call or into the inbound context. Such an event
    /// cannot be attributed safely, so it is dropped. (The identity UserEvent repeats the same Uniqueid; equal
    /// repeats are fine.)
    /// </summary>
    private bool IsAmbiguous(AmiFrame frame, string eventName)
    {
        ReadOnlySpan<byte> uniqueId = default;
        ReadOnlySpan<byte> context = default;
        var seenUniqueId = false;
        var seenContext = false;
        foreach (var field in frame.EnumerateFields())
        {
            if (Ascii.EqualsIgnoreCase(field.Key, "Uniqueid"u8))
            {
                if (seenUniqueId && !field.Value.SequenceEqual(uniqueId))
                {
                    _tracker.OnAmbiguousEvent(eventName);
                    return true;
                }

                uniqueId = field.Value;
                seenUniqueId = true;
            }
            else if (Ascii.EqualsIgnoreCase(field.Key, "Context"u8))
            {
                if (seenContext && !field.Value.SequenceEqual(context))
                {
                    _tracker.OnAmbiguousEvent(eventName);
                    return true;
                }

                context = field.Value;
                seenContext = true;
            }
        }

        return false;
    }

    private bool IsInboundTrunkChannel(AmiFrame frame)
    {
        // Local channels run the same dialplan (an Originate into incoming-calls) but are not trunk calls.
        if (!frame.TryGetValue("Channel"u8, out var channel) || channel.StartsWith("Local/"u8))
        {
            return false;
        }

        if (!frame.TryGetValue("Context"u8, out var context))
        {
            return false;
        }

        foreach (var inbound in _inboundContexts)
        {
            if (context.SequenceEqual(inbound))
            {
                return true;
            }
        }

        return false;
    }

    private bool TryGetTrackedCallId(AmiFrame frame, [NotNullWhen(true)] out string? callId)
    {
        callId = null;
        if (!frame.TryGetValue("Uniqueid"u8, out var raw) || raw.IsEmpty || raw.Length > MaxCallIdLength)
        {
            return false;
        }

        Span<char> chars = stackalloc char[MaxCallIdLength];
        var length = Encoding.Latin1.GetChars(raw, chars);
        if (!_tracker.IsTracked(chars[..length]))
        {
            return false;
        }

        callId = new string(chars[..length]);
        return true;
    }

    private void OnNewchannel(AmiFrame frame)
    {
        if (!IsInboundTrunkChannel(frame) || !frame.TryGetValue("Uniqueid"u8, out var id) || id.IsEmpty || id.Length > MaxCallIdLength
            || IsAmbiguous(frame, "Newchannel"))
        {
            return;
        }

        // The DID is taken here: later events show the Exten as the dialplan rewrote it (the Goto drops the '+').
        _tracker.OnChannelCreated(
            Encoding.Latin1.GetString(id),
            Text(frame, "Exten"u8),
            Text(frame, "CallerIDNum"u8),
            Text(frame, "CallerIDName"u8));
    }

    private void OnNewCallerid(AmiFrame frame)
    {
        if (!TryGetTrackedCallId(frame, out var callId) || IsAmbiguous(frame, "NewCallerid"))
        {
            return;
        }

        var presentation = frame.TryGetValue("CID-CallingPres"u8, out var pres) ? ParseCallingPres(pres) : CallerPresentation.Unknown;
        _tracker.OnCallerIdChanged(callId, Text(frame, "CallerIDNum"u8), Text(frame, "CallerIDName"u8), presentation);
    }

    private void OnUserEvent(AmiFrame frame)
    {
        if (!frame.TryGetValue("UserEvent"u8, out var userEvent) || !Ascii.EqualsIgnoreCase(userEvent, _identityEvent))
        {
            return;
        }

        // A tracked call may have left the inbound context by now; an untracked one (its Newchannel came before
        // this session) is taken only if it is an inbound trunk call.
        if (!TryGetTrackedCallId(frame, out var callId))
        {
            if (!IsInboundTrunkChannel(frame) || !frame.TryGetValue("Uniqueid"u8, out var id) || id.IsEmpty || id.Length > MaxCallIdLength)
            {
                return;
            }

            callId = Encoding.Latin1.GetString(id);
        }

        if (IsAmbiguous(frame, "UserEvent"))
        {
            return;
        }

        var presentation = frame.TryGetValue("Presentation"u8, out var pres) ? ParsePresentationName(pres) : CallerPresentation.Unknown;

        // The channel snapshot in the event already carries the caller id as the dialplan left it (anonymous
        // for a withheld call); the DID argument is the rewritten Exten, used only if the Newchannel was missed.
        _tracker.OnIdentitySettled(
            callId,
            Text(frame, "DID"u8),
            Text(frame, "CallerIDNum"u8),
            Text(frame, "CallerIDName"u8),
            presentation);
    }

    private void OnHangup(AmiFrame frame)
    {
        if (!TryGetTrackedCallId(frame, out var callId) || IsAmbiguous(frame, "Hangup"))
        {
            return;
        }

        _tracker.OnHangup(callId, Text(frame, "Cause"u8), Text(frame, "Cause-txt"u8), Text(frame, "TechCause"u8));
    }
}
