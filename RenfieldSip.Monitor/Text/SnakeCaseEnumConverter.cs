using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RenfieldSip.Monitor.Text;

/// <summary>
/// Enum values as snake_case strings, matching the property names; <see cref="Name"/> is the same spelling for query
/// strings, pages, log fields and metric tags. Numbers are refused on the wire: a value is always a known name.
/// </summary>
internal sealed class SnakeCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
    where TEnum : struct, Enum
{
    // Spelt once: a name on the per-call path (a log field, a metric tag) costs no allocation.
    private static readonly FrozenDictionary<TEnum, string> Names =
        Enum.GetValues<TEnum>().Distinct().ToFrozenDictionary(value => value, value => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString()));

    public static string Name(TEnum value) =>
        Names.TryGetValue(value, out var name) ? name : JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    public static bool TryParse(ReadOnlySpan<char> text, out TEnum value)
    {
        foreach (var (candidate, name) in Names)
        {
            if (text.Equals(name, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
