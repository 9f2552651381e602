using System.Text.Json.Serialization;
using RenfieldSip.Monitor.Text;

namespace RenfieldSip.Monitor.History;

/// <summary>How a call ended; the JSON value is the snake_case name.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<CallEnding>))]
internal enum CallEnding
{
    /// <summary>The caller hung up while it rang (SIP CANCEL: Hangup cause 127 with SIP 487, or 16 normal clearing).</summary>
    CallerHungUp,

    /// <summary>The dialplan turned it away after the ring time (cause 21 call rejected; 19 or 18 no answer).</summary>
    Rejected,

    /// <summary>Any other hangup cause (17 busy, network failures); the cause is recorded.</summary>
    OtherCause,

    /// <summary>The monitor lost its AMI session (or stopped) while the call rang, so its end is unknown.</summary>
    Lost,

    /// <summary>The test call: nothing rang.</summary>
    NotRung,
}
