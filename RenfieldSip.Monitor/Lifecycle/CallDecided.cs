using RenfieldSip.Monitor.Rules;

namespace RenfieldSip.Monitor.Lifecycle;

/// <summary>The announcer decided how the call is announced.</summary>
/// <param name="CallId">The call.</param>
/// <param name="Rule">The phonebook rule that decided; null when none did.</param>
/// <param name="Spoken">Whether Renfield is asked to speak it: false for a toast only, or when a rule keeps it back.</param>
internal sealed record CallDecided(string CallId, DecidingRule? Rule, bool Spoken) : CallEvent(CallId);
