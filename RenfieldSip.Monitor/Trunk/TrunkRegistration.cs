namespace RenfieldSip.Monitor.Trunk;

/// <summary>
/// The <c>Status</c> of Asterisk's <c>Registry</c> event (res_pjsip_outbound_registration publishes it after every
/// answer to a REGISTER, refreshes included): <c>Registered</c>, <c>Rejected</c> (refused or no answer; the event
/// carries no SIP code) or <c>Unregistered</c>/<c>Stopped</c>.
/// </summary>
internal enum TrunkRegistration
{
    /// <summary>No Registry event seen since the monitor started.</summary>
    Unknown,
    Registered,
    Rejected,
    Unregistered,
}
