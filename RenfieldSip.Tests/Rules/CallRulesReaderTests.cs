using RenfieldSip.Monitor.Phonebooks.Formats;
using RenfieldSip.Monitor.Rules;
using RenfieldSip.Monitor.Text.Yaml;
using RenfieldSip.Tests.Identity;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace RenfieldSip.Tests.Rules;

public sealed class CallRulesReaderTests
{
    private const string Full = """
        contacts:
          "+49 170 1234567": { name: "Max Mustermann", groups: [Familie, Nachbarn], always_speak: true }
          "+49 171 9876543": "Emma Mustermann"
        rules:
          blocked:
            numbers: ["+49 30 12345678", "0221 9999999"]
            prefixes: ["+49 900", "0049 137", "0180"]
            withheld: true
            action: toast
          quiet_hours:
            from: "22:00"
            to: "7:00"
            time_zone: "Europe/Vienna"
            action: silent
            always_speak:
              groups: [familie]
              numbers: ["+49 171 9876543"]
          called_numbers:
            "030 1111111": { room: "Büro", urgency: "critical" }
            "+49 30 2222222": { room: "Wohnzimmer" }
        """;

    [Fact]
    public void Every_rule_is_read_with_numbers_and_prefixes_in_e164()
    {
        var rules = IdentityTestData.ParseRules(Full);

        Assert.Equal(["+492219999999", "+493012345678"], rules.Blocked.Numbers.Order(StringComparer.Ordinal));
        Assert.Equal(["+49900", "+49137", "+49180"], rules.Blocked.Prefixes);
        Assert.True(rules.Blocked.Withheld);
        Assert.Equal(RuleAction.ToastOnly, rules.Blocked.Action);

        var quiet = Assert.IsType<QuietHours>(rules.QuietHours);
        Assert.Equal((new TimeOnly(22, 0), new TimeOnly(7, 0), "Europe/Vienna", RuleAction.Silent), (quiet.From, quiet.To, quiet.TimeZone.Id, quiet.Action));
        Assert.Contains("Familie", (IReadOnlySet<string>)quiet.AlwaysSpeakGroups);
        Assert.Equal(["+491719876543"], quiet.AlwaysSpeakNumbers);

        Assert.Equal(new DidRule("Büro", "critical"), rules.Dids["+49301111111"]);
        Assert.Equal(new DidRule("Wohnzimmer", null), rules.Dids["+49302222222"]);

        Assert.True(IdentityTestData.Parse(Full).TryGetContact("+491701234567", out var max));
        Assert.Equal(("Max Mustermann", true), (max.Name, max.AlwaysSpeak));
        Assert.Equal(["Familie", "Nachbarn"], max.Groups);
    }

    [Fact]
    public void Without_a_rules_section_there_are_no_rules()
    {
        Assert.Same(CallRules.None, IdentityTestData.ParseRules(IdentityTestData.ExamplePhonebook));
    }

    [Fact]
    public void Quiet_hours_without_a_time_zone_are_in_german_time()
    {
        var rules = IdentityTestData.ParseRules("rules:\n  quiet_hours: { from: \"22:00\", to: \"06:30\" }\n");

        Assert.Equal("Europe/Berlin", rules.QuietHours!.TimeZone.Id);
        Assert.Equal(RuleAction.ToastOnly, rules.QuietHours.Action);
    }

    [Theory]
    [InlineData("rules:\n  blockd:\n    numbers: [\"+49 30 1\"]\n", 3, "unknown key 'blockd' in rules")]
    [InlineData("rules:\n  blocked:\n    numbers: [\"hallo\"]\n", 3, "not a phone number")]
    [InlineData("rules:\n  blocked:\n    prefixes: [\"900\"]\n", 3, "must start with +, 00 or 0")]
    [InlineData("rules:\n  blocked:\n    numbers: \"+49 30 1234567\"\n", 3, "rules.blocked.numbers must be a list")]
    [InlineData("rules:\n  blocked:\n    action: leise\n", 3, "must be silent (not announced) or toast")]
    [InlineData("rules:\n  quiet_hours:\n    from: \"22 Uhr\"\n    to: \"07:00\"\n", 3, "rules.quiet_hours.from must be a time like \"22:00\"")]
    [InlineData("rules:\n  quiet_hours:\n    from: \"22:00\"\n", 3, "needs both from: and to:")]
    [InlineData("rules:\n  quiet_hours:\n    from: \"22:00\"\n    to: \"22:00\"\n", 3, "are the same time")]
    [InlineData("rules:\n  quiet_hours:\n    from: \"22:00\"\n    to: \"07:00\"\n    time_zone: Mars/Olympus\n", 5, "time_zone 'Mars/Olympus' is unknown")]
    [InlineData("rules:\n  called_numbers:\n    \"+49 30 1111111\": { urgency: \"dringend\" }\n", 3, "urgency: must be one of critical, info, low, auto")]
    [InlineData("contacts:\n  \"+49 170 1234567\": { name: Max, always_speek: true }\n", 2, "unknown key 'always_speek' in a contact")]
    [InlineData("rules:\n  blocked: &b\n    withheld: true\n  quiet_hours: *b\n", 4, "aliases and anchors are not supported")]
    public void A_mistake_in_the_rules_rejects_the_file_naming_line_and_reason(string yaml, int line, string reason)
    {
        var exception = Assert.Throws<PhonebookFormatException>(() => IdentityTestData.Parse(yaml));

        Assert.Equal(line, exception.Line);
        Assert.Contains(reason, exception.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("blocked:\n  withheld: vielleicht\n", 2, "rules.blocked.withheld must be true or false")]
    [InlineData("quiet_hours:\n  from: \"22:00\"\n  to: \"07:00\"\n  action: laut\n", 4, "rules.quiet_hours.action must be silent")]
    public void The_reader_on_its_own_names_line_and_reason_without_the_phonebook(string yaml, int line, string reason)
    {
        var reader = new CallRulesReader(IdentityTestData.Normalizer());
        var parser = new Parser(new StringReader(yaml));
        parser.Consume<StreamStart>();
        parser.Consume<DocumentStart>();

        var exception = Assert.Throws<YamlFormatException>(() => reader.Read(YamlTree.Read(parser)));

        Assert.Equal(line, exception.Line);
        Assert.Contains(reason, exception.Reason, StringComparison.Ordinal);
    }
}
