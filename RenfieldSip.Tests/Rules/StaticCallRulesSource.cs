using RenfieldSip.Monitor.Rules;

namespace RenfieldSip.Tests.Rules;

/// <summary>Fixed call rules, for the policy's tests.</summary>
internal sealed class StaticCallRulesSource(CallRules rules) : ICallRulesSource
{
    public CallRules Rules => rules;
}
