using RenfieldSip.Monitor.Identity;
using RenfieldSip.Monitor.Rules;
using RenfieldSip.Tests.Identity;

namespace RenfieldSip.Tests.Rules;

public sealed class AnnouncementPolicyTests
{
    private const string Rules = """
        contacts:
          "+49 170 1234567": { name: "Max Mustermann", groups: [Familie] }
          "+49 171 9876543": { name: "Emma Mustermann", always_speak: true }
          "+49 172 5555555": "Paketdienst"
        rules:
          blocked:
            numbers: ["+49 30 12345678"]
            prefixes: ["+49 900"]
          quiet_hours:
            from: "22:00"
            to: "07:00"
            time_zone: "Europe/Berlin"
            always_speak:
              groups: [familie]
              numbers: ["+49 173 3333333"]
          called_numbers:
            "+49 30 1111111": { room: "Büro", urgency: "critical" }
        """;

    // 12:00 and 23:30 Berlin time in winter (UTC+1), 06:59 and 07:00 in summer (UTC+2).
    private static readonly DateTimeOffset Noon = new(2026, 1, 15, 11, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LateEvening = new(2026, 1, 15, 22, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SummerBeforeSeven = new(2026, 7, 15, 4, 59, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SummerSeven = new(2026, 7, 15, 5, 0, 0, TimeSpan.Zero);

    private readonly CallerIdentifier _identifier;
    private readonly AnnouncementPolicy _policy;

    public AnnouncementPolicyTests()
    {
        var phonebook = new StaticPhonebookSource(IdentityTestData.Parse(Rules));
        _identifier = new CallerIdentifier(IdentityTestData.Normalizer(), phonebook);
        _policy = new AnnouncementPolicy(new StaticCallRulesSource(IdentityTestData.ParseRules(Rules)), IdentityTestData.Normalizer());
    }

    [Theory]
    [InlineData("+49 30 12345678")]
    [InlineData("030 12345678")]
    [InlineData("+49 900 1234567")]
    [InlineData("0900 5555555")]
    public void A_blocked_number_or_prefix_is_silent_at_any_time(string number)
    {
        var decision = Decide(number, Noon);

        Assert.Equal((RuleAction.Silent, DecidingRule.Blocked), (decision.Action, decision.Rule));
    }

    [Fact]
    public void A_number_that_only_contains_a_blocked_prefix_later_is_not_blocked()
    {
        Assert.Null(Decide("+49 30 9009000", Noon).Rule);
    }

    [Theory]
    [InlineData("+49 172 5555555", true)]
    [InlineData("+49 160 1111111", true)]
    [InlineData("+49 170 1234567", false)]
    [InlineData("+49 171 9876543", false)]
    [InlineData("+49 173 3333333", false)]
    public void Quiet_hours_make_a_toast_unless_the_caller_is_one_to_speak_anyway(string number, bool quiet)
    {
        var decision = Decide(number, LateEvening);

        Assert.Equal(quiet ? (RuleAction?)RuleAction.ToastOnly : null, decision.Action);
        Assert.Equal(quiet ? DecidingRule.QuietHours : null, decision.Rule);
        Assert.Null(Decide(number, Noon).Rule);
    }

    [Fact]
    public void Quiet_hours_follow_daylight_saving_time_and_end_at_to()
    {
        Assert.Equal(DecidingRule.QuietHours, Decide("+49 160 1111111", SummerBeforeSeven).Rule);
        Assert.Null(Decide("+49 160 1111111", SummerSeven).Rule);
    }

    [Fact]
    public void A_withheld_caller_is_not_blocked_unless_the_rules_say_so_but_is_quiet_at_night()
    {
        var withheld = _identifier.Identify("anonymous", null, CallerPresentation.Withheld);

        Assert.Null(_policy.Decide(withheld, null, Noon).Rule);
        Assert.Equal(DecidingRule.QuietHours, _policy.Decide(withheld, null, LateEvening).Rule);
    }

    [Theory]
    [InlineData("+49301111111")]
    [InlineData("0301111111")]
    [InlineData("49301111111")]
    public void A_call_to_a_configured_number_gets_its_room_and_urgency_in_any_form_of_the_did(string did)
    {
        var decision = _policy.Decide(_identifier.Identify("+49 160 1111111", null, CallerPresentation.Allowed), did, Noon);

        Assert.Equal((null, null, "Büro", "critical"), (decision.Action, decision.Rule, decision.Room, decision.Urgency));
    }

    [Fact]
    public void A_blocked_call_to_a_configured_number_keeps_its_room_for_the_toast()
    {
        var decision = _policy.Decide(_identifier.Identify("+49 900 1234567", null, CallerPresentation.Allowed), "+49301111111", Noon);

        Assert.Equal((DecidingRule.Blocked, "Büro"), (decision.Rule, decision.Room));
    }

    [Fact]
    public void Without_rules_every_call_is_announced_normally()
    {
        var policy = new AnnouncementPolicy(new StaticCallRulesSource(IdentityTestData.ParseRules(IdentityTestData.ExamplePhonebook)), IdentityTestData.Normalizer());

        Assert.Same(AnnouncementDecision.Normal, policy.Decide(_identifier.Identify("+49 900 1234567", null, CallerPresentation.Allowed), "+49301111111", LateEvening));
    }

    private AnnouncementDecision Decide(string number, DateTimeOffset at) =>
        _policy.Decide(_identifier.Identify(number, null, CallerPresentation.Allowed), did: null, at);
}
