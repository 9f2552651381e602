using RenfieldSip.Monitor.Configuration;

namespace RenfieldSip.Monitor.Calls;

internal sealed class CallOptions
{
    public const string SectionName = "Calls";

    /// <summary>
    /// Dialplan contexts whose new channels are inbound trunk calls: a list, or one comma-separated value
    /// (<c>Calls__InboundContexts=incoming-calls,from-office</c>), which <see cref="DialplanContextList"/> reads.
    /// </summary>
    [DialplanContexts(ErrorMessage = "Calls:InboundContexts must name at least one dialplan context, each without commas or spaces (default: incoming-calls).")]
    public string[] InboundContexts { get; set; } = ["incoming-calls"];

    /// <summary>The <c>UserEvent</c> name with which the dialplan says "this call's identity is settled".</summary>
    [UserEventName(ErrorMessage = "Calls:IdentityEvent must be a UserEvent name without ':' or line breaks (default: RenfieldIncomingCall).")]
    public string IdentityEvent { get; set; } = "RenfieldIncomingCall";

    /// <summary>How long to wait for the identity event (or a presentation-bearing NewCallerid) before falling back.</summary>
    [PositiveTimeSpan("00:00:30", ErrorMessage = "Calls:SettleTimeout must be between 00:00:00 and 00:00:30 (exclusive of zero); default 00:00:01.")]
    public TimeSpan SettleTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Whether a caller id whose presentation nobody reported may be shown. Off by default: without the
    /// dialplan's identity event a withheld number looks exactly like a shown one on AMI.
    /// </summary>
    public bool TrustCallerIdWithoutPresentation { get; set; }
}
