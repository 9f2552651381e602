using System.Globalization;
using RenfieldSip.Tests.Config;

namespace RenfieldSip.Tests.Sip;

/// <summary>
/// What a caller who waits for the answering machine sends (Scenarios/provider-voicemail.xml): after the greeting and
/// the tone, Debian's g711a.pcap as real G.711 a-law RTP, then BYE.
/// </summary>
internal static class SpokenMessage
{
    public const string Scenario = "provider-voicemail.xml";

    /// <summary>236 packets of 30 ms in g711a.pcap.</summary>
    public static readonly TimeSpan Sent = TimeSpan.FromMilliseconds(7080);

    /// <summary>
    /// sipp starts its RTP this long after the greeting and the tone should have ended: Asterisk paces the greeting in
    /// real time, and on a busy machine it ends late; audio sent before Record listens would be lost to the test.
    /// </summary>
    public static readonly TimeSpan StartMargin = TimeSpan.FromSeconds(2);

    /// <summary>The greeting's length plus the tone (0.5 s) and <see cref="StartMargin"/>, for sipp's <c>-d</c>.</summary>
    public static string GreetingPauseMilliseconds()
    {
        var greeting = WavFile.Read(RepositoryLayout.PathOf("config", "asterisk", "sounds", "renfieldsip-greeting.wav"));
        return ((int)(greeting.Length + TimeSpan.FromMilliseconds(500) + StartMargin).TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
    }
}
