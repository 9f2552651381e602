using System.Collections.Frozen;
using System.Globalization;
using RenfieldSip.Monitor.Identity;
using RenfieldSip.Monitor.Text;
using RenfieldSip.Monitor.Text.Yaml;

namespace RenfieldSip.Monitor.Rules;

/// <summary>
/// Reads the <c>rules:</c> section. Strict on purpose: a misspelt key or an unknown time zone would silently turn a
/// rule off, so every mistake rejects the file (the last good phonebook and rules stay) and names the line.
/// </summary>
internal sealed class CallRulesReader(PhoneNumberNormalizer normalizer)
{
    public const string DefaultTimeZone = "Europe/Berlin";

    // Renfield's NotificationUrgency values (notifications.py); anything else is refused there with a 422.
    private static readonly string[] Urgencies = ["critical", "info", "low", "auto"];

    public CallRules Read(YamlNode rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.IsEmpty)
        {
            return CallRules.None;
        }

        var blocked = BlockList.None;
        QuietHours? quietHours = null;
        var dids = FrozenDictionary<string, DidRule>.Empty;
        foreach (var (key, value) in Entries(rules, "rules"))
        {
            switch (key)
            {
                case "blocked":
                    blocked = ReadBlocked(value);
                    break;
                case "quiet_hours":
                    quietHours = ReadQuietHours(value);
                    break;
                case "called_numbers":
                    dids = ReadCalledNumbers(value);
                    break;
                default:
                    throw Unknown(value, key, "rules", "blocked, quiet_hours, called_numbers");
            }
        }

        return new CallRules(blocked, quietHours, dids);
    }

    private BlockList ReadBlocked(YamlNode node)
    {
        var numbers = new List<string>();
        var prefixes = new List<string>();
        var withheld = false;
        var action = RuleAction.Silent;
        foreach (var (key, value) in Entries(node, "rules.blocked"))
        {
            switch (key)
            {
                case "numbers":
                    numbers.AddRange(Items(value, "rules.blocked.numbers").Select(Number));
                    break;
                case "prefixes":
                    prefixes.AddRange(Items(value, "rules.blocked.prefixes").Select(Prefix));
                    break;
                case "withheld":
                    withheld = value.ToBoolean("rules.blocked.withheld");
                    break;
                case "action":
                    action = Action(value, "rules.blocked.action");
                    break;
                default:
                    throw Unknown(value, key, "rules.blocked", "numbers, prefixes, withheld, action");
            }
        }

        return new BlockList(numbers.ToFrozenSet(StringComparer.Ordinal), prefixes, withheld, action);
    }

    private QuietHours ReadQuietHours(YamlNode node)
    {
        TimeOnly? from = null, to = null;
        var zone = TimeZone(null);
        var action = RuleAction.ToastOnly;
        var groups = new List<string>();
        var numbers = new List<string>();
        foreach (var (key, value) in Entries(node, "rules.quiet_hours"))
        {
            switch (key)
            {
                case "from":
                    from = Time(value, "rules.quiet_hours.from");
                    break;
                case "to":
                    to = Time(value, "rules.quiet_hours.to");
                    break;
                case "time_zone":
                    zone = TimeZone(value);
                    break;
                case "action":
                    action = Action(value, "rules.quiet_hours.action");
                    break;
                case "always_speak":
                    foreach (var (speakKey, speakValue) in Entries(value, "rules.quiet_hours.always_speak"))
                    {
                        switch (speakKey)
                        {
                            case "groups":
                                groups.AddRange(Items(speakValue, "rules.quiet_hours.always_speak.groups").Select(item => Text(item, "a group")));
                                break;
                            case "numbers":
                                numbers.AddRange(Items(speakValue, "rules.quiet_hours.always_speak.numbers").Select(Number));
                                break;
                            default:
                                throw Unknown(speakValue, speakKey, "rules.quiet_hours.always_speak", "groups, numbers");
                        }
                    }

                    break;
                default:
                    throw Unknown(value, key, "rules.quiet_hours", "from, to, time_zone, action, always_speak");
            }
        }

        if (from is null || to is null)
        {
            throw new YamlFormatException(node.Line, "rules.quiet_hours needs both from: and to: (for example \"22:00\" and \"07:00\")");
        }

        if (from == to)
        {
            throw new YamlFormatException(node.Line, "rules.quiet_hours from: and to: are the same time");
        }

        return new QuietHours(from.Value, to.Value, zone, action, groups.ToFrozenSet(StringComparer.OrdinalIgnoreCase), numbers.ToFrozenSet(StringComparer.Ordinal));
    }

    private FrozenDictionary<string, DidRule> ReadCalledNumbers(YamlNode node)
    {
        var rules = new Dictionary<string, DidRule>(StringComparer.Ordinal);
        foreach (var (number, value) in Entries(node, "rules.called_numbers"))
        {
            var key = normalizer.Normalize(number)?.Key
                ?? throw new YamlFormatException(value.Line, "rules.called_numbers: a key is not a phone number");
            string? room = null, urgency = null;
            foreach (var (setting, settingValue) in Entries(value, "rules.called_numbers entry"))
            {
                switch (setting)
                {
                    case "room":
                        room = Text(settingValue, "room");
                        if (room.Length > 100)
                        {
                            throw new YamlFormatException(settingValue.Line, "room: at most 100 characters (Renfield's limit)");
                        }

                        break;
                    case "urgency":
                        urgency = Text(settingValue, "urgency");
                        if (!Urgencies.Contains(urgency, StringComparer.Ordinal))
                        {
                            throw new YamlFormatException(settingValue.Line, "urgency: must be one of critical, info, low, auto");
                        }

                        break;
                    default:
                        throw Unknown(settingValue, setting, "rules.called_numbers entry", "room, urgency");
                }
            }

            rules[key] = new DidRule(room, urgency);
        }

        return rules.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private string Number(YamlNode node)
    {
        var raw = Text(node, "a phone number");
        return normalizer.Normalize(raw)?.E164
            ?? throw new YamlFormatException(node.Line, "not a phone number (write it like \"+49 30 12345678\" or \"030 12345678\")");
    }

    /// <summary><c>+49 900</c>, <c>0049 900</c> and <c>0900</c> all become <c>+49900</c>, the start of an E.164 number.</summary>
    private string Prefix(YamlNode node)
    {
        var raw = Text(node, "a number prefix");
        var digits = new string([.. raw.Where(char.IsAsciiDigit)]);
        var trimmed = raw.TrimStart();
        var prefix = trimmed.StartsWith('+') ? "+" + digits
            : digits.StartsWith("00", StringComparison.Ordinal) ? "+" + digits[2..]
            : digits.StartsWith('0') ? "+" + normalizer.CountryCode.ToString(CultureInfo.InvariantCulture) + digits[1..]
            : null;
        if (prefix is null || prefix.Length < 3 || raw.Any(c => !(char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '/' or '(' or ')')))
        {
            throw new YamlFormatException(node.Line, "a prefix must start with +, 00 or 0 and hold only digits (for example \"+49 900\" or \"0900\")");
        }

        return prefix;
    }

    private static TimeZoneInfo TimeZone(YamlNode? node)
    {
        var id = node is null ? DefaultTimeZone : Text(node, "a time zone");
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new YamlFormatException(node?.Line ?? 0, $"time_zone '{UntrustedText.Clean(id, 64)}' is unknown (use a name like Europe/Berlin or Europe/Vienna)");
        }
    }

    private static TimeOnly Time(YamlNode node, string key)
    {
        var text = Text(node, key);
        return TimeOnly.TryParseExact(text, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new YamlFormatException(node.Line, $"{key} must be a time like \"22:00\"");
    }

    private static RuleAction Action(YamlNode node, string key) => Text(node, key) switch
    {
        "silent" => RuleAction.Silent,
        "toast" => RuleAction.ToastOnly,
        _ => throw new YamlFormatException(node.Line, $"{key} must be silent (not announced) or toast (shown, not spoken)"),
    };

    private static string Text(YamlNode node, string what) =>
        node.Scalar is { Length: > 0 } text ? text : throw new YamlFormatException(node.Line, $"expected {what} as plain text");

    private static IReadOnlyList<YamlNode> Items(YamlNode node, string key) =>
        node.Items ?? (node.IsEmpty ? [] : throw new YamlFormatException(node.Line, $"{key} must be a list (- \"…\" per line, or [\"…\", \"…\"])"));

    private static IReadOnlyList<KeyValuePair<string, YamlNode>> Entries(YamlNode node, string key) =>
        node.Entries ?? (node.IsEmpty ? [] : throw new YamlFormatException(node.Line, $"{key} must be a mapping of key: value"));

    private static YamlFormatException Unknown(YamlNode at, string key, string section, string known) =>
        new(at.Line, $"unknown key '{UntrustedText.Clean(key, 32)}' in {section} (known: {known})");
}
