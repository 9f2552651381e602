using System.Globalization;
using System.Text;

namespace RenfieldSip.Tests.Support;

/// <summary>
/// Synthetic inbound trunk calls in the exact shape of the real captures (Newchannel in incoming-calls, the
/// dialplan's RenfieldIncomingCall UserEvent, Hangup), numbered so every call has its own Uniqueid and caller.
/// </summary>
internal static class DownstreamCalls
{
    /// <summary>Caller numbers +49 30 5550nnnn: a Berlin number that no phonebook of the tests contains.</summary>
    public static string Number(int call) => "+4930555" + call.ToString("D5", CultureInfo.InvariantCulture);

    public static string CallId(int call) => "1796000000." + call.ToString(CultureInfo.InvariantCulture);

    /// <summary>The digits of <see cref="Number"/> as they show up in a webhook's <c>caller_number</c>.</summary>
    public static string Digits(string? number) => new([.. (number ?? string.Empty).Where(char.IsAsciiDigit)]);

    /// <summary>Newchannel and the identity event: the call rings and is ready to be announced.</summary>
    public static byte[] Ring(int call, string? number = null, string name = "") =>
        Encoding.UTF8.GetBytes(Newchannel(call, number ?? Number(call), name) + Identity(call, number ?? Number(call), name));

    public static byte[] Hangup(int call) => Encoding.UTF8.GetBytes(Block(
        "Event: Hangup",
        "Privilege: call,all",
        "Channel: " + Channel(call),
        "Context: incoming-calls",
        "Exten: 4930123456",
        "Uniqueid: " + CallId(call),
        "Linkedid: " + CallId(call),
        "Cause: 16",
        "Cause-txt: Normal Clearing",
        "TechCause: 487"));

    /// <summary>An event no call cares about: AMI noise a busy Asterisk sends all the time.</summary>
    public static byte[] Noise(int sequence) => Encoding.UTF8.GetBytes(Block(
        "Event: DeviceStateChange",
        "Privilege: call,all",
        "Device: PJSIP/sip-provider-endpoint",
        "State: " + (sequence % 2 == 0 ? "INUSE" : "NOT_INUSE")));

    public static byte[] Join(params byte[][] parts) => [.. parts.SelectMany(part => part)];

    private static string Channel(int call) => "PJSIP/sip-provider-endpoint-" + call.ToString("x8", CultureInfo.InvariantCulture);

    private static string Newchannel(int call, string number, string name) => Block(
        "Event: Newchannel",
        "Privilege: call,all",
        "Channel: " + Channel(call),
        "ChannelState: 4",
        "ChannelStateDesc: Ring",
        "CallerIDNum: " + number,
        "CallerIDName: " + name,
        "Context: incoming-calls",
        "Exten: +4930123456",
        "Priority: 1",
        "Uniqueid: " + CallId(call),
        "Linkedid: " + CallId(call));

    private static string Identity(int call, string number, string name) => Block(
        "Event: UserEvent",
        "Privilege: user,all",
        "Channel: " + Channel(call),
        "ChannelState: 4",
        "ChannelStateDesc: Ring",
        "CallerIDNum: " + number,
        "CallerIDName: " + name,
        "Context: incoming-calls",
        "Exten: 4930123456",
        "Priority: 3",
        "Uniqueid: " + CallId(call),
        "Linkedid: " + CallId(call),
        "UserEvent: RenfieldIncomingCall",
        "Presentation: allowed_not_screened",
        "DID: 4930123456");

    private static string Block(params string[] lines) => string.Concat(lines.Select(line => line + "\r\n")) + "\r\n";
}
