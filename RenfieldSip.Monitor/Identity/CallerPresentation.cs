namespace RenfieldSip.Monitor.Identity;

internal enum CallerPresentation
{
    /// <summary>The dialplan said the number may be shown.</summary>
    Allowed,

    /// <summary>The caller withheld the number (CLIR, <c>Privacy: id</c>): it must never be shown, spoken or logged.</summary>
    Withheld,

    /// <summary>No presentation was reported (a dialplan without the identity event).</summary>
    Unknown,
}
