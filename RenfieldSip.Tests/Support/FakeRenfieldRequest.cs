using System.Net;
using System.Text.Json;

namespace RenfieldSip.Tests.Support;

/// <summary>One request as the fake received it, and what it answered.</summary>
public sealed record FakeRenfieldRequest
{
    /// <summary>Arrival on the fake's <see cref="FakeRenfieldOptions.TimeProvider"/>.</summary>
    public required DateTimeOffset ArrivedAt { get; init; }

    /// <summary>Real time since the fake started (Stopwatch), independent of any fake clock.</summary>
    public required TimeSpan ArrivedAfter { get; init; }

    public required string Method { get; init; }

    public required string Path { get; init; }

    /// <summary>Request headers; names are case-insensitive, multiple values joined with ", ".</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    public required byte[] Body { get; init; }

    /// <summary>The body parsed as JSON, or null when it is not JSON.</summary>
    public JsonElement? Json { get; init; }

    /// <summary>What the fake answered (set when the answer is decided, before any artificial delay).</summary>
    public HttpStatusCode StatusCode { get; internal set; }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>A top-level string property of the JSON body, or null.</summary>
    public string? JsonString(string property) =>
        Json is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary><c>data.caller_number</c> of the JSON body, or null when it is absent or not a string.</summary>
    public string? CallerNumber =>
        Json is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            && data.TryGetProperty("caller_number", out var number) && number.ValueKind == JsonValueKind.String
            ? number.GetString()
            : null;

    /// <summary>The digits of <see cref="CallerNumber"/> (empty when there is none): what tests match a call by.</summary>
    public string CallerDigits => PhoneDigits.Of(CallerNumber);
}
