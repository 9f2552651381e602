using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RenfieldSip.Tests.Support;

/// <summary>
/// Validates a webhook body the way FastAPI + Pydantic v2 validate Renfield's <c>WebhookRequest</c>, and writes
/// FastAPI's 422 body (<c>{"detail":[{"type","loc","msg","input","ctx"}]}</c>), including the echoed <c>input</c>.
/// </summary>
public static class FakeRenfieldValidator
{
    public static readonly IReadOnlySet<string> Urgencies = new HashSet<string>(StringComparer.Ordinal) { "critical", "info", "low", "auto" };
    public static readonly IReadOnlySet<string> PrivacyLevels = new HashSet<string>(StringComparer.Ordinal) { "public", "personal", "confidential" };

    /// <summary>Null when the body is valid; otherwise the complete 422 body.</summary>
    public static string? Validate(JsonElement root)
    {
        var errors = new List<Action<Utf8JsonWriter>>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(Error("model_attributes_type", null, "Input should be a valid dictionary or object to extract fields from", root, null));
            return WriteErrors(errors);
        }

        RequiredString(root, "event_type", 100, errors);
        RequiredString(root, "title", 255, errors);
        RequiredString(root, "message", 5000, errors);
        OptionalString(root, "urgency", 20, nullable: false, errors, Urgencies);
        OptionalString(root, "room", 100, nullable: true, errors, allowed: null);
        OptionalBool(root, "tts", nullable: true, errors);
        if (root.TryGetProperty("data", out var data) && data.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
        {
            errors.Add(Error("dict_type", "data", "Input should be a valid dictionary", data, null));
        }

        OptionalBool(root, "enrich", nullable: false, errors);
        OptionalString(root, "privacy", 20, nullable: false, errors, PrivacyLevels);
        if (root.TryGetProperty("target_user_id", out var user) && user.ValueKind is not (JsonValueKind.Number or JsonValueKind.Null))
        {
            errors.Add(Error("int_type", "target_user_id", "Input should be a valid integer", user, null));
        }

        return errors.Count == 0 ? null : WriteErrors(errors);
    }

    /// <summary>FastAPI's answer to a body that is not JSON at all.</summary>
    public static string JsonInvalid(long position) => WriteErrors(
    [
        writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("type", "json_invalid");
            writer.WriteStartArray("loc");
            writer.WriteStringValue("body");
            writer.WriteNumberValue(position);
            writer.WriteEndArray();
            writer.WriteString("msg", "JSON decode error");
            writer.WriteStartObject("input");
            writer.WriteEndObject();
            writer.WriteStartObject("ctx");
            writer.WriteString("error", "Expecting value");
            writer.WriteEndObject();
            writer.WriteEndObject();
        },
    ]);

    /// <summary>
    /// True when a string field holds something Python accepts but PostgreSQL cannot store (NUL, lone surrogate):
    /// Renfield then fails inside <c>process_webhook</c> and answers 500.
    /// </summary>
    public static bool IsUnstorable(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        foreach (var property in root.EnumerateObject())
        {
            if (IsUnstorableValue(property.Value))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsUnstorableValue(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                try
                {
                    return value.GetString()!.Contains('\0', StringComparison.Ordinal);
                }
                catch (InvalidOperationException)
                {
                    return true;
                }

            case JsonValueKind.Object:
                return value.EnumerateObject().Any(p => IsUnstorableValue(p.Value));
            case JsonValueKind.Array:
                return value.EnumerateArray().Any(IsUnstorableValue);
            default:
                return false;
        }
    }

    private static void RequiredString(JsonElement root, string name, int maxLength, List<Action<Utf8JsonWriter>> errors)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            errors.Add(Error("missing", name, "Field required", root, null));
            return;
        }

        CheckString(value, name, minLength: 1, maxLength, errors, allowed: null);
    }

    private static void OptionalString(JsonElement root, string name, int maxLength, bool nullable, List<Action<Utf8JsonWriter>> errors, IReadOnlySet<string>? allowed)
    {
        if (!root.TryGetProperty(name, out var value) || (nullable && value.ValueKind == JsonValueKind.Null))
        {
            return;
        }

        CheckString(value, name, minLength: 0, maxLength, errors, allowed);
    }

    private static void CheckString(JsonElement value, string name, int minLength, int maxLength, List<Action<Utf8JsonWriter>> errors, IReadOnlySet<string>? allowed)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(Error("string_type", name, "Input should be a valid string", value, null));
            return;
        }

        string text;
        try
        {
            text = value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return; // Python keeps lone surrogates; IsUnstorable turns them into Renfield's 500.
        }

        // Pydantic counts code points (Python's len), not UTF-16 units.
        var length = text.EnumerateRunes().Count();
        if (length < minLength)
        {
            errors.Add(Error("string_too_short", name, "String should have at least 1 character", value, ("min_length", minLength)));
        }
        else if (length > maxLength)
        {
            errors.Add(Error("string_too_long", name, string.Create(CultureInfo.InvariantCulture, $"String should have at most {maxLength} characters"), value, ("max_length", maxLength)));
        }
        else if (allowed is not null && !allowed.Contains(text))
        {
            var set = "{" + string.Join(", ", allowed.Select(a => "'" + a + "'")) + "}";
            errors.Add(Error("value_error", name, $"Value error, {name} must be one of {set}", value, null));
        }
    }

    private static void OptionalBool(JsonElement root, string name, bool nullable, List<Action<Utf8JsonWriter>> errors)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            return;
        }

        var ok = value.ValueKind is JsonValueKind.True or JsonValueKind.False || (nullable && value.ValueKind == JsonValueKind.Null);
        if (!ok)
        {
            errors.Add(Error("bool_type", name, "Input should be a valid boolean", value, null));
        }
    }

    private static Action<Utf8JsonWriter> Error(string type, string? field, string msg, JsonElement input, (string Name, int Value)? ctx) => writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("type", type);
        writer.WriteStartArray("loc");
        writer.WriteStringValue("body");
        if (field is not null)
        {
            writer.WriteStringValue(field);
        }

        writer.WriteEndArray();
        writer.WriteString("msg", msg);
        writer.WritePropertyName("input");
        input.WriteTo(writer);
        if (ctx is { } c)
        {
            writer.WriteStartObject("ctx");
            writer.WriteNumber(c.Name, c.Value);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    };

    private static string WriteErrors(List<Action<Utf8JsonWriter>> errors) => FakeRenfieldJson.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartArray("detail");
        foreach (var error in errors)
        {
            error(writer);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    internal static bool IsValidUtf8(byte[] body)
    {
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(body);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
