using System.Text;
using RenfieldSip.Monitor.Ami;
using RenfieldSip.Monitor.Trunk;

namespace RenfieldSip.Tests.Trunk;

/// <summary>
/// Registry and ContactStatus events as Asterisk 20.20.1 sent them to a read = call,user,system user (captured from
/// the real-Asterisk rig; only the port differs), fed to a handler the way the AMI read loop does.
/// </summary>
internal static class TrunkEvents
{
    public const string Registrar = "127.0.0.1:5171";

    public static string Registry(string status, string channelType = "PJSIP") =>
        $"Event: Registry\r\nPrivilege: system,all\r\nChannelType: {channelType}\r\nUsername: sip:4930123456@{Registrar}\r\nDomain: sip:{Registrar}\r\nStatus: {status}";

    public static string ContactStatus(string status, string aor = TrunkEventHandler.ProviderAor) =>
        $"Event: ContactStatus\r\nPrivilege: system,all\r\nURI: sip:{Registrar}\r\nContactStatus: {status}\r\nAOR: {aor}\r\nEndpointName: sip-provider-endpoint\r\nRoundtripUsec: 2733";

    public static void Feed(TrunkEventHandler handler, params string[] events)
    {
        foreach (var block in events)
        {
            handler.OnEvent(new AmiFrame(Encoding.ASCII.GetBytes(block)));
        }
    }
}
