using RenfieldSip.Monitor.Identity;

namespace RenfieldSip.Monitor.Rules;

/// <summary>
/// Applies the phonebook's call rules: a blocked caller first, then quiet hours (unless the caller is one to speak
/// anyway), then the called number's room and urgency. Reads the current rules on every call, so an edit applies to
/// the next call.
/// </summary>
internal sealed class AnnouncementPolicy(ICallRulesSource source, PhoneNumberNormalizer normalizer)
{
    public AnnouncementDecision Decide(CallerIdentity caller, string? did, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var rules = source.Rules;
        if (ReferenceEquals(rules, CallRules.None))
        {
            return AnnouncementDecision.Normal;
        }

        var line = rules.Dids.Count > 0 ? CalledNumberRule(rules, did) : null;

        if (rules.Blocked.Matches(caller))
        {
            return new AnnouncementDecision(rules.Blocked.Action, DecidingRule.Blocked, line?.Room, line?.Urgency);
        }

        if (rules.QuietHours is { } quiet && quiet.Covers(at) && !quiet.SpeaksAnyway(caller))
        {
            return new AnnouncementDecision(quiet.Action, DecidingRule.QuietHours, line?.Room, line?.Urgency);
        }

        return line is null ? AnnouncementDecision.Normal : new AnnouncementDecision(null, null, line.Room, line.Urgency);
    }

    private DidRule? CalledNumberRule(CallRules rules, string? did)
    {
        if (normalizer.Normalize(did) is { } called && rules.Dids.TryGetValue(called.Key, out var line))
        {
            return line;
        }

        // Some trunks (sipgate among them) put the DID in E.164 without its "+": 4930… rather than +4930….
        return did is { Length: > 0 } && did[0] is >= '1' and <= '9' && normalizer.Normalize("+" + did) is { } international
            && rules.Dids.TryGetValue(international.Key, out var match)
            ? match
            : null;
    }
}
