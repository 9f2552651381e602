using System.Text.Json.Serialization;
using RenfieldSip.Monitor.Text;

namespace RenfieldSip.Monitor.History;

/// <summary>What Renfield answered an announcement that reached it; the JSON value is the snake_case name.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<RenfieldStatus>))]
internal enum RenfieldStatus
{
    /// <summary>200: shown (and spoken, if asked).</summary>
    Delivered,

    /// <summary>429 "Duplicate notification suppressed": Renfield showed the same one already.</summary>
    DuplicateSuppressedByRenfield,

    /// <summary>401/403: the token is missing or wrong.</summary>
    Unauthorized,

    /// <summary>503: proactive notifications are switched off in Renfield.</summary>
    Disabled,

    /// <summary>Another 4xx: Renfield refused the payload.</summary>
    Rejected,
}
