using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using RenfieldSip.Monitor.Access;
using RenfieldSip.Monitor.Ami;
using RenfieldSip.Monitor.Calls;
using RenfieldSip.Monitor.Dedup;
using RenfieldSip.Monitor.History;
using RenfieldSip.Monitor.Identity;
using RenfieldSip.Monitor.Notification;
using RenfieldSip.Monitor.Phonebooks;
using RenfieldSip.Monitor.Telemetry;

namespace RenfieldSip.Tests.Config;

/// <summary>
/// The Default column of docs/ENVIRONMENT_VARIABLES.md is what an owner relies on when leaving a key unset: where it
/// names one value, that value must be the options class's own default.
/// </summary>
public sealed partial class DocumentedDefaultsTests
{
    /// <summary>The options classes by the section they bind, one class per section.</summary>
    private static readonly ILookup<string, Type> OptionsBySection = new[]
        {
            typeof(AmiOptions), typeof(WebhookOptions), typeof(PhonebookOptions), typeof(DedupOptions),
            typeof(CallOptions), typeof(TelemetryOptions), typeof(HistoryOptions), typeof(AccessOptions),
        }
        .Select(type => (Section: (string)type.GetField("SectionName")!.GetValue(null)!, Type: type))
        .Append((Section: "Phonebook:Sources:<name>", Type: typeof(PhonebookSourceOptions)))
        .ToLookup(entry => entry.Section, entry => entry.Type, StringComparer.Ordinal);

    [Fact]
    public void Every_single_documented_default_equals_the_options_default()
    {
        var doc = File.ReadAllText(RepositoryLayout.PathOf("docs", "ENVIRONMENT_VARIABLES.md"));
        var rows = Row().Matches(doc).ToList();
        Assert.True(rows.Count > 30, $"only {rows.Count} rows with a single default found: the table's layout changed");

        var wrong = new List<string>();
        foreach (Match row in rows)
        {
            var (section, key, documented) = (row.Groups["section"].Value, row.Groups["key"].Value, row.Groups["default"].Value);
            var property = OptionsBySection[section].Select(type => (Type: type, Property: type.GetProperty(key, BindingFlags.Public | BindingFlags.Instance)))
                .SingleOrDefault(found => found.Property is not null);
            if (property.Property is null)
            {
                wrong.Add($"{section}:{key} is documented but no {section} options class has {key}");
                continue;
            }

            var actual = property.Property.GetValue(Activator.CreateInstance(property.Type, nonPublic: true));
            var expected = documented == "null" ? null : Convert(documented, property.Property.PropertyType);
            if (!(Equals(expected, actual) || (expected is string[] list && actual is string[] values && list.SequenceEqual(values))))
            {
                wrong.Add($"{section}:{key}: documented `{documented}`, default {Format(actual)}");
            }
        }

        Assert.True(wrong.Count == 0, "docs/ENVIRONMENT_VARIABLES.md names other defaults than the code: " + string.Join("; ", wrong));
    }

    private static object? Convert(string text, Type type)
    {
        // A list is documented in its environment form: one comma-separated value.
        if (type == typeof(string[]))
        {
            return text.Split(',', StringSplitOptions.TrimEntries);
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        return TypeDescriptor.GetConverter(target).ConvertFromInvariantString(text);
    }

    private static string Format(object? value) => value switch
    {
        null => "null",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        string[] list => string.Join(',', list),
        _ => value.ToString() ?? "null",
    };

    /// <summary>A row of the monitor's table whose first cell is a <c>Section:Key</c> and whose Default cell is one code span.</summary>
    [GeneratedRegex(@"^\| `(?<section>Ami|Webhook|Phonebook:Sources:<name>|Phonebook|Dedup|Calls|Telemetry|History|Access):(?<key>[A-Za-z]+)`[^|]*\|[^|]*\| `(?<default>[^`|]*)` \|", RegexOptions.Multiline)]
    private static partial Regex Row();
}
