using System.Text.Json.Serialization;
using RenfieldSip.Monitor.Text;

namespace RenfieldSip.Monitor.History;

/// <summary>
/// What became of a message's announcement; the JSON value is the snake_case name. The call's own words where the
/// message followed its call (<c>blocked_by_rule</c>, <c>suppressed_by_dedup</c>), Renfield's answer where it was sent.
/// </summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<VoicemailAnnouncement>))]
internal enum VoicemailAnnouncement
{
    /// <summary>Renfield took it.</summary>
    Delivered,

    /// <summary>Renfield answered that it had shown the same one already.</summary>
    DuplicateSuppressedByRenfield,

    /// <summary>Kept, not announced: the call's rule (a blocked number, silent quiet hours) kept the call back too.</summary>
    BlockedByRule,

    /// <summary>Kept, not announced: another monitor sharing the Redis announced it.</summary>
    SuppressedByDedup,

    /// <summary>Renfield refused the token.</summary>
    Unauthorized,

    /// <summary>Renfield has proactive notifications switched off.</summary>
    Disabled,

    /// <summary>Renfield refused the payload.</summary>
    Rejected,

    /// <summary>Renfield did not take it before the announcement deadline.</summary>
    DeadlineExceeded,

    /// <summary>The monitor was stopping.</summary>
    Cancelled,

    /// <summary>Announcing it failed.</summary>
    Failed,

    /// <summary>Kept, not announced: found in the directory at start, recorded or left unannounced while the monitor was not running.</summary>
    FoundAtStart,
}
