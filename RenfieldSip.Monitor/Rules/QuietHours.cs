using System.Collections.Frozen;
using RenfieldSip.Monitor.Identity;

namespace RenfieldSip.Monitor.Rules;

/// <summary>The <c>rules.quiet_hours</c> section: a daily time window in which calls are not spoken.</summary>
/// <param name="From">Start of the window, local time in <paramref name="TimeZone"/>.</param>
/// <param name="To">End of the window (exclusive); before <paramref name="From"/> means the window crosses midnight.</param>
/// <param name="TimeZone">The household's time zone; daylight saving time follows from it.</param>
/// <param name="Action">What happens to a call in the window.</param>
/// <param name="AlwaysSpeakGroups">Contacts in one of these groups are announced normally in the window.</param>
/// <param name="AlwaysSpeakNumbers">E.164 numbers announced normally in the window.</param>
internal sealed record QuietHours(
    TimeOnly From,
    TimeOnly To,
    TimeZoneInfo TimeZone,
    RuleAction Action,
    FrozenSet<string> AlwaysSpeakGroups,
    FrozenSet<string> AlwaysSpeakNumbers)
{
    public bool Covers(DateTimeOffset now)
    {
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZone).DateTime);
        return From <= To ? local >= From && local < To : local >= From || local < To;
    }

    public bool SpeaksAnyway(CallerIdentity caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.E164 is { } number && AlwaysSpeakNumbers.Contains(number))
        {
            return true;
        }

        if (caller.Contact is not { } contact)
        {
            return false;
        }

        if (contact.AlwaysSpeak)
        {
            return true;
        }

        foreach (var group in contact.Groups)
        {
            if (AlwaysSpeakGroups.Contains(group))
            {
                return true;
            }
        }

        return false;
    }
}
