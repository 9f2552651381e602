using System.Text;

namespace RenfieldSip.Tests.Support;

/// <summary>
/// One inbound trunk call as a real Asterisk 20 reports it to a read=call,user manager user: the blocks of
/// Fixtures/ami/privacy-rewrite-userevent-known.ami with the Uniqueid, caller number and caller name replaced.
/// The name is put in verbatim, so a test can put anything on the wire, a raw CRLF included.
/// </summary>
internal sealed class ReliabilityAmiCall
{
    private const string RecordedId = "1795513760.1";
    private const string RecordedNumber = "+491701234567";
    private const string RecordedName = "Max Mustermann";

    private static readonly Lazy<IReadOnlyList<string>> Recorded = new(() => AmiCapture.Load("privacy-rewrite-userevent-known.ami").EventBlocks);

    /// <param name="rawBytes">
    /// True: every char of <paramref name="callerName"/> is one byte on the wire (Latin-1), to send invalid UTF-8.
    /// </param>
    public ReliabilityAmiCall(string uniqueId, string callerNumber, string callerName, bool rawBytes = false)
    {
        UniqueId = uniqueId;
        CallerNumber = callerNumber;
        CallerName = callerName;
        RawBytes = rawBytes;
    }

    public bool RawBytes { get; }

    public string UniqueId { get; }

    public string CallerNumber { get; }

    public string CallerName { get; }

    /// <summary>Starts the call; the caller id is not settled yet (no presentation).</summary>
    public byte[] Newchannel => Block("Newchannel");

    /// <summary>The dialplan's identity event: caller id and presentation are final, the monitor announces at once.</summary>
    public byte[] UserEvent => Block("UserEvent");

    public byte[] HangupRequest => Block("HangupRequest");

    public byte[] Hangup => Block("Hangup");

    /// <summary>Newchannel and UserEvent: a call the monitor announces as soon as it reads them.</summary>
    public byte[] Ringing => [.. Newchannel, .. UserEvent];

    /// <summary>The whole call from Newchannel to Hangup.</summary>
    public byte[] Complete => [.. Newchannel, .. UserEvent, .. HangupRequest, .. Hangup];

    /// <summary>The digits of the caller number, as the webhook payload's caller_number reduces to.</summary>
    public string Digits => new([.. CallerNumber.Where(char.IsAsciiDigit)]);

    private byte[] Block(string eventName)
    {
        var template = Recorded.Value.First(b => b.StartsWith("Event: " + eventName + "\r\n", StringComparison.Ordinal));
        var text = template
            .Replace(RecordedId, UniqueId, StringComparison.Ordinal)
            .Replace(RecordedNumber, CallerNumber, StringComparison.Ordinal)
            .Replace(RecordedName, CallerName, StringComparison.Ordinal);
        return (RawBytes ? Encoding.Latin1 : Encoding.UTF8).GetBytes(text + "\r\n\r\n");
    }
}
