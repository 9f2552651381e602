using Microsoft.Extensions.Options;

namespace RenfieldSip.Monitor.Phonebooks;

/// <summary>
/// The spellings of <c>Phonebook:Sources:&lt;name&gt;:Type</c>, checked before the binder reads them: the binder takes
/// any case, which is wanted, but also a number ("1") or a combination ("vcard,carddav") as a kind, and it refuses
/// anything else without naming the allowed values. A bad value stops the start like a failed validation.
/// </summary>
internal static class PhonebookSourceTypes
{
    private static readonly string[] Names = [.. Enum.GetValues<PhonebookSourceKind>().Select(Name)];

    /// <summary><c>vcard, fritzbox or carddav</c>.</summary>
    public static string Allowed { get; } = $"{string.Join(", ", Names[..^1])} or {Names[^1]}";

    public static string Name(PhonebookSourceKind kind) => kind.ToString().ToLowerInvariant();

    public static void ThrowIfUnknown(IConfigurationSection sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        List<string>? failures = null;
        foreach (var source in sources.GetChildren())
        {
            // Empty is unset (compose passes an unset variable as ""); the kind then follows from Path or Url.
            if (source["Type"] is { Length: > 0 } type && !Names.Contains(type.Trim(), StringComparer.OrdinalIgnoreCase))
            {
                (failures ??= []).Add($"{source.Path}:Type must be {Allowed} (any case)");
            }
        }

        if (failures is not null)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(PhonebookSourcesOptions), failures);
        }
    }
}
