using System.Text.Json.Serialization;
using RenfieldSip.Monitor.Text;

namespace RenfieldSip.Monitor.Rules;

/// <summary>The phonebook rule that decided how a call is announced; the JSON value, log field and metric tag are the snake_case name.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<DecidingRule>))]
internal enum DecidingRule
{
    /// <summary><c>blocked</c>: the caller is on <c>rules.blocked</c>.</summary>
    Blocked,

    /// <summary><c>quiet_hours</c>: the call came in <c>rules.quiet_hours</c> and the caller is not one to speak anyway.</summary>
    QuietHours,
}
