using System.Text.Json;
using System.Text.Json.Serialization;

namespace RenfieldSip.Monitor.History;

/// <summary>Enum values as snake_case strings, matching the property names; <see cref="Name"/> is the same spelling for query strings and pages.</summary>
internal sealed class SnakeCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
    where TEnum : struct, Enum
{
    public static string Name(TEnum value) => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    public static bool TryParse(ReadOnlySpan<char> text, out TEnum value)
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (text.Equals(Name(candidate), StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
