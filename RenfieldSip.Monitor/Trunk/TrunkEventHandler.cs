using System.Text;
using RenfieldSip.Monitor.Ami;

namespace RenfieldSip.Monitor.Trunk;

/// <summary>
/// Reads the two AMI events that describe the trunk (both class <c>system</c>, so the AMI user needs
/// <c>read = system</c>): <c>Registry</c> from res_pjsip_outbound_registration and <c>ContactStatus</c> for the
/// provider's AOR, whose OPTIONS keep-alives say whether the registrar answers at all. Logs one line per change.
/// </summary>
internal sealed class TrunkEventHandler(TrunkStatus status, ILogger<TrunkEventHandler> logger) : IAmiEventHandler
{
    /// <summary>The AOR of the provider in config/asterisk/pjsip.conf; its contact is the registrar.</summary>
    public const string ProviderAor = "sip-provider-aor";

    private const int MaxRegistrarLength = 128;

    private static ReadOnlySpan<byte> ProviderAorBytes => "sip-provider-aor"u8;

    /// <summary>
    /// Keeps the last known state: Asterisk reports the trunk again only at its next REGISTER, and a new AMI session
    /// changes nothing about the registration.
    /// </summary>
    public void OnSessionEnded()
    {
    }

    public void OnEvent(AmiFrame frame)
    {
        if (frame.NameEquals("Registry"u8))
        {
            OnRegistry(frame);
        }
        else if (frame.NameEquals("ContactStatus"u8))
        {
            OnContactStatus(frame);
        }
    }

    /// <summary><c>sip:sipconnect.sipgate.de;transport=udp</c> → <c>sipconnect.sipgate.de</c>: the host (and port) only.</summary>
    internal static string? RegistrarOf(ReadOnlySpan<byte> uri)
    {
        if (uri.StartsWith("sips:"u8))
        {
            uri = uri[5..];
        }
        else if (uri.StartsWith("sip:"u8))
        {
            uri = uri[4..];
        }

        var at = uri.IndexOf((byte)'@');
        if (at >= 0)
        {
            uri = uri[(at + 1)..];
        }

        var end = uri.IndexOfAny(";?>"u8);
        if (end >= 0)
        {
            uri = uri[..end];
        }

        if (uri.IsEmpty || uri.Length > MaxRegistrarLength || uri.IndexOfAnyExceptInRange((byte)'!', (byte)'~') >= 0)
        {
            return null;
        }

        return Encoding.ASCII.GetString(uri);
    }

    internal static TrunkRegistration? RegistrationOf(ReadOnlySpan<byte> value)
    {
        if (Ascii.EqualsIgnoreCase(value, "Registered"u8))
        {
            return TrunkRegistration.Registered;
        }

        if (Ascii.EqualsIgnoreCase(value, "Rejected"u8))
        {
            return TrunkRegistration.Rejected;
        }

        if (Ascii.EqualsIgnoreCase(value, "Unregistered"u8) || Ascii.EqualsIgnoreCase(value, "Stopped"u8))
        {
            return TrunkRegistration.Unregistered;
        }

        return null;
    }

    internal static TrunkReachability? ReachabilityOf(ReadOnlySpan<byte> value)
    {
        if (Ascii.EqualsIgnoreCase(value, "Reachable"u8))
        {
            return TrunkReachability.Reachable;
        }

        if (Ascii.EqualsIgnoreCase(value, "Unreachable"u8))
        {
            return TrunkReachability.Unreachable;
        }

        // Removed, Unknown (qualify restarted) and NonQualified (keep-alives off) say nothing about the provider.
        if (Ascii.EqualsIgnoreCase(value, "Removed"u8) || Ascii.EqualsIgnoreCase(value, "Unknown"u8) || Ascii.EqualsIgnoreCase(value, "NonQualified"u8))
        {
            return TrunkReachability.Unknown;
        }

        // Created and Updated describe the contact record, not whether it answers.
        return null;
    }

    private void OnRegistry(AmiFrame frame)
    {
        // chan_sip and chan_iax2 publish the same event for their own registrations.
        if (!frame.TryGetValue("ChannelType"u8, out var channelType) || !Ascii.EqualsIgnoreCase(channelType, "PJSIP"u8)
            || !frame.TryGetValue("Status"u8, out var value) || RegistrationOf(value) is not { } registration)
        {
            return;
        }

        var registrar = frame.TryGetValue("Domain"u8, out var domain) ? RegistrarOf(domain) : null;
        Report(status.Report(registration, null, registrar));
    }

    private void OnContactStatus(AmiFrame frame)
    {
        if (!frame.TryGetValue("AOR"u8, out var aor) || !aor.SequenceEqual(ProviderAorBytes)
            || !frame.TryGetValue("ContactStatus"u8, out var value) || ReachabilityOf(value) is not { } reachability)
        {
            return;
        }

        var registrar = frame.TryGetValue("URI"u8, out var uri) ? RegistrarOf(uri) : null;
        Report(status.Report(null, reachability, registrar));
    }

    private void Report(TrunkDiagnosis? changed)
    {
        if (changed is not null)
        {
            Log.Changed(logger, changed);
        }
    }
}
