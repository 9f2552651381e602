using System.Text.Json.Serialization;
using RenfieldSip.Monitor.Text;

namespace RenfieldSip.Monitor.History;

/// <summary>What the monitor did with a call; the JSON value is the snake_case name.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<CallOutcome>))]
internal enum CallOutcome
{
    /// <summary>Renfield took the announcement (or answered that it had shown the same one already).</summary>
    Announced,

    /// <summary>Not sent: the same caller was announced within the dedup window.</summary>
    SuppressedByDedup,

    /// <summary>Not sent: one of the owner's rules (a blocked number, quiet hours) said so.</summary>
    BlockedByRule,

    /// <summary>Renfield refused it: token, proactive notifications switched off, or payload (see the Renfield status).</summary>
    RefusedByRenfield,

    /// <summary>Renfield did not take it before the announcement deadline.</summary>
    DeadlineExceeded,

    /// <summary>The monitor failed, dropped it from a full queue, or was stopping.</summary>
    Failed,

    /// <summary>The call ended before the caller's identity was settled, so there was nothing safe to announce.</summary>
    EndedBeforeIdentity,
}
