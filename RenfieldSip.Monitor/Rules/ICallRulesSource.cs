namespace RenfieldSip.Monitor.Rules;

/// <summary>The call rules in force now: replaced as a whole when their file changes, so a call reads one consistent set.</summary>
internal interface ICallRulesSource
{
    CallRules Rules { get; }
}
