using System.Reflection;

namespace RenfieldSip.Tests.Config;

/// <summary>One options class per configuration section: a key is then bound, validated and documented in one place.</summary>
public sealed class OptionsSectionsTests
{
    [Fact]
    public void No_two_options_classes_bind_the_same_section()
    {
        var sections = Assembly.Load("RenfieldSip.Monitor").GetTypes()
            .Select(type => (Type: type, Field: type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)))
            .Where(found => found.Field is { IsLiteral: true } && found.Field.FieldType == typeof(string))
            .Select(found => (found.Type.Name, Section: (string)found.Field!.GetRawConstantValue()!))
            .ToList();
        Assert.True(sections.Count >= 10, $"only {sections.Count} options classes found: the scan no longer sees them");

        var shared = sections.GroupBy(found => found.Section, StringComparer.OrdinalIgnoreCase)
            .Where(group => group.Count() > 1)
            .Select(group => $"{group.Key}: {string.Join(", ", group.Select(found => found.Name))}");

        Assert.Empty(shared);
    }
}
