namespace RenfieldSip.Monitor.Trunk;

/// <summary>
/// The <c>ContactStatus</c> of the provider's AOR contact: whether the registrar answers the OPTIONS keep-alives
/// (<c>qualify_frequency</c> in pjsip.conf). Any SIP answer counts as reachable, even a 401 or 404.
/// </summary>
internal enum TrunkReachability
{
    Unknown,
    Reachable,
    Unreachable,
}
