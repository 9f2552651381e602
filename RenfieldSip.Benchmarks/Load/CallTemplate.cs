using System.Text;
using RenfieldSip.Monitor.Ami;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Benchmarks.Load;

/// <summary>
/// One inbound call as the dialplan variant with the explicit identity event produces it
/// (capture privacy-rewrite-userevent-known.ami): Newchannel and UserEvent RenfieldIncomingCall
/// (Presentation allowed_not_screened) start it; HangupRequest, SoftHangupRequest and Hangup end it.
/// </summary>
internal sealed class CallTemplate
{
    public const string CaptureFile = "privacy-rewrite-userevent-known.ami";
    private const string CapturedUniqueid = "1795513760.1";
    private const string CapturedChannel = "PJSIP/sip-provider-endpoint-00000001";
    private const string CapturedNumber = "+491701234567";

    private static readonly string[] StartEvents = ["Newchannel", "UserEvent"];
    private static readonly string[] EndEvents = ["HangupRequest", "SoftHangupRequest", "Hangup"];

    private CallTemplate(CallTemplatePart start, CallTemplatePart end)
    {
        Start = start;
        End = end;
    }

    /// <summary>Newchannel + the identity event; the latency clock starts when this part is written.</summary>
    public CallTemplatePart Start { get; }

    /// <summary>The hangup events; after them the monitor must hold nothing for the call.</summary>
    public CallTemplatePart End { get; }

    public int EventsPerCall => Start.Events + End.Events;

    public static CallTemplate FromCapture()
    {
        var capture = AmiCapture.Load(CaptureFile);
        return new CallTemplate(Render(capture, StartEvents), Render(capture, EndEvents));
    }

    private static CallTemplatePart Render(AmiCapture capture, string[] eventNames)
    {
        var text = new StringBuilder();
        foreach (var name in eventNames)
        {
            var block = capture.Frames.Single(b => IsEvent(b, name));
            text.Append(Encoding.UTF8.GetString(block));
        }

        text.Replace(CapturedUniqueid, "1795600000." + CallTemplatePart.UniqueidPlaceholder)
            .Replace(CapturedChannel, "PJSIP/sip-provider-endpoint-" + CallTemplatePart.ChannelPlaceholder)
            .Replace(CapturedNumber, "+49170" + CallTemplatePart.NumberPlaceholder);
        return new CallTemplatePart(Encoding.UTF8.GetBytes(text.ToString()), eventNames.Length);
    }

    private static bool IsEvent(byte[] block, string name)
    {
        var frame = new AmiFrame(block);
        return frame.Kind == AmiFrameKind.Event && frame.NameEquals(Encoding.ASCII.GetBytes(name));
    }
}
