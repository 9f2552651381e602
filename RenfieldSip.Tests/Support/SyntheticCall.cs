using System.Globalization;
using System.Text;

namespace RenfieldSip.Tests.Support;

/// <summary>
/// One inbound trunk call as a real Asterisk 20 reports it to a read=call,user manager user: the event blocks of
/// Fixtures/ami/privacy-rewrite-userevent-known.ami with the Uniqueid, channel, caller number and caller name replaced.
/// The name is put in verbatim, so a test can put anything on the wire, a raw CRLF included.
/// </summary>
internal sealed class SyntheticCall
{
    private const string RecordedId = "1795513760.1";
    private const string RecordedChannel = "PJSIP/sip-provider-endpoint-00000001";
    private const string RecordedNumber = "+491701234567";
    private const string RecordedName = "Max Mustermann";

    private static readonly Lazy<IReadOnlyList<string>> Recorded = new(() => AmiCapture.Load("privacy-rewrite-userevent-known.ami").EventBlocks);

    /// <param name="channel">The channel name; the recorded one when null.</param>
    /// <param name="rawBytes">
    /// True: every char of <paramref name="callerName"/> is one byte on the wire (Latin-1), to send invalid UTF-8.
    /// </param>
    public SyntheticCall(string uniqueId, string callerNumber, string callerName, string? channel = null, bool rawBytes = false)
    {
        UniqueId = uniqueId;
        CallerNumber = callerNumber;
        CallerName = callerName;
        Channel = channel ?? RecordedChannel;
        RawBytes = rawBytes;
    }

    public string UniqueId { get; }

    public string CallerNumber { get; }

    public string CallerName { get; }

    public string Channel { get; }

    public bool RawBytes { get; }

    /// <summary>Starts the call; the caller id is not settled yet (no presentation).</summary>
    public byte[] Newchannel => Bytes("Newchannel");

    /// <summary>The dialplan's identity event: caller id and presentation are final, the monitor announces at once.</summary>
    public byte[] UserEvent => Bytes("UserEvent");

    public byte[] HangupRequest => Bytes("HangupRequest");

    public byte[] Hangup => Bytes("Hangup");

    /// <summary>Newchannel and UserEvent: a call the monitor announces as soon as it reads them.</summary>
    public byte[] Ringing => Bytes("Newchannel", "UserEvent");

    /// <summary>The whole call from Newchannel to Hangup.</summary>
    public byte[] Complete => Bytes("Newchannel", "UserEvent", "HangupRequest", "Hangup");

    /// <summary>Every event of the recording in its order, the DeviceStateChange events included.</summary>
    public byte[] Recording => Encode(string.Concat(Recorded.Value.Select(block => Substitute(block) + "\r\n\r\n")));

    /// <summary>The digits of the caller number, as the webhook payload's caller_number reduces to.</summary>
    public string Digits => PhoneDigits.Of(CallerNumber);

    /// <summary>
    /// Call number <paramref name="call"/> of a series: its own Uniqueid, channel and caller +49 30 555nnnnn (a Berlin
    /// number that no phonebook of the tests contains), no caller name.
    /// </summary>
    public static SyntheticCall Numbered(int call) => new(
        "1796000000." + call.ToString(CultureInfo.InvariantCulture),
        "+4930555" + call.ToString("D5", CultureInfo.InvariantCulture),
        string.Empty,
        "PJSIP/sip-provider-endpoint-" + call.ToString("x8", CultureInfo.InvariantCulture));

    /// <summary>A recorded DeviceStateChange (INUSE when even, NOT_INUSE when odd): AMI noise no call cares about.</summary>
    public static byte[] Noise(int sequence) =>
        Encoding.UTF8.GetBytes(Recorded.Value.Where(block => EventName(block) == "DeviceStateChange").ElementAt(sequence % 2) + "\r\n\r\n");

    public static byte[] Join(params byte[][] parts) => [.. parts.SelectMany(part => part)];

    /// <summary>The named events of this call (the first recorded block of each name), each with its terminator.</summary>
    public string Text(params string[] events) =>
        string.Concat(events.Select(name => Substitute(Recorded.Value.First(block => EventName(block) == name)) + "\r\n\r\n"));

    private static string EventName(string block) =>
        block.StartsWith("Event: ", StringComparison.Ordinal) ? block[7..block.IndexOf('\r', StringComparison.Ordinal)] : string.Empty;

    private byte[] Bytes(params string[] events) => Encode(Text(events));

    private byte[] Encode(string text) => (RawBytes ? Encoding.Latin1 : Encoding.UTF8).GetBytes(text);

    // The name goes in last, so nothing it contains is replaced again.
    private string Substitute(string block) => block
        .Replace(RecordedId, UniqueId, StringComparison.Ordinal)
        .Replace(RecordedChannel, Channel, StringComparison.Ordinal)
        .Replace(RecordedNumber, CallerNumber, StringComparison.Ordinal)
        .Replace(RecordedName, CallerName, StringComparison.Ordinal);
}
