namespace RenfieldSip.Tests.Sip;

/// <summary>What Asterisk's messages.log says about INVITEs it refused before the dialplan.</summary>
internal static class SipEdgeLog
{
    /// <summary>INVITEs res_pjsip answered with its challenge because no endpoint matched them.</summary>
    public static int CountNoMatchingEndpoint(SipRig rig) =>
        File.Exists(rig.Asterisk.MessagesLog)
            ? File.ReadLines(rig.Asterisk.MessagesLog).Count(l => l.Contains("Request 'INVITE'", StringComparison.Ordinal) && l.Contains("No matching endpoint found", StringComparison.Ordinal))
            : 0;
}
