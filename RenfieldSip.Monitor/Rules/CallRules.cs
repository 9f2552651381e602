using System.Collections.Frozen;

namespace RenfieldSip.Monitor.Rules;

/// <summary>The <c>rules:</c> section of the phonebook file: who is announced how. Replaced with the file.</summary>
/// <param name="Blocked">Blocked numbers and prefixes.</param>
/// <param name="QuietHours">The quiet hours; null when none are set.</param>
/// <param name="Dids">Per called number (normalized key): room and urgency.</param>
internal sealed record CallRules(BlockList Blocked, QuietHours? QuietHours, FrozenDictionary<string, DidRule> Dids)
{
    public static CallRules None { get; } = new(BlockList.None, null, FrozenDictionary<string, DidRule>.Empty);
}
