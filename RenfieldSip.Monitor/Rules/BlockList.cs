using System.Collections.Frozen;
using RenfieldSip.Monitor.Identity;

namespace RenfieldSip.Monitor.Rules;

/// <summary>Numbers and number prefixes that are never announced normally (the <c>rules.blocked</c> section).</summary>
/// <param name="Numbers">E.164 numbers.</param>
/// <param name="Prefixes">E.164 prefixes (<c>+49900</c>), matched against the start of the caller's E.164 number.</param>
/// <param name="Withheld">Callers who withheld their number are blocked too.</param>
/// <param name="Action">What happens to a blocked call.</param>
internal sealed record BlockList(FrozenSet<string> Numbers, IReadOnlyList<string> Prefixes, bool Withheld, RuleAction Action)
{
    public static BlockList None { get; } = new(FrozenSet<string>.Empty, [], Withheld: false, RuleAction.Silent);

    public bool Matches(CallerIdentity caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Kind == CallerKind.Withheld)
        {
            return Withheld;
        }

        if (caller.E164 is not { } number)
        {
            return false;
        }

        if (Numbers.Contains(number))
        {
            return true;
        }

        foreach (var prefix in Prefixes)
        {
            if (number.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
