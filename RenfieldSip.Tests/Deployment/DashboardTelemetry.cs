using System.Net.Http.Json;
using System.Text.Json;

namespace RenfieldSip.Tests.Deployment;

/// <summary>
/// Reads what reached the Aspire dashboard through OTLP, from the dashboard's own telemetry API
/// (<c>/api/telemetry/traces</c>, <c>/api/telemetry/logs</c>, OTLP JSON).
/// </summary>
internal sealed class DashboardTelemetry(Uri dashboard, string apiKey) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = dashboard, DefaultRequestHeaders = { { "x-api-key", apiKey } } };

    public sealed record Span(string TraceId, string SpanId, string? ParentSpanId, string Name, string Scope, IReadOnlyDictionary<string, string> Attributes);

    public async Task<IReadOnlyList<Span>> SpansAsync(string resource, CancellationToken cancellationToken)
    {
        using var document = await GetAsync($"api/telemetry/spans?resource={resource}", cancellationToken);
        if (document is null)
        {
            return [];
        }

        return [.. Items(document.RootElement, "resourceSpans", "scopeSpans", "spans", (scope, span) => new Span(
            span.GetProperty("traceId").GetString()!,
            span.GetProperty("spanId").GetString()!,
            span.TryGetProperty("parentSpanId", out var parent) ? parent.GetString() : null,
            span.GetProperty("name").GetString()!,
            scope,
            Attributes(span)))];
    }

    /// <summary>The log records the dashboard holds for one trace: their message templates and trace ids.</summary>
    public async Task<IReadOnlyList<(string TraceId, string Body)>> LogsAsync(string traceId, CancellationToken cancellationToken)
    {
        using var document = await GetAsync($"api/telemetry/logs?traceId={traceId}", cancellationToken);
        if (document is null)
        {
            return [];
        }

        return [.. Items(document.RootElement, "resourceLogs", "scopeLogs", "logRecords", (_, record) => (
            record.TryGetProperty("traceId", out var id) ? id.GetString() ?? string.Empty : string.Empty,
            record.TryGetProperty("body", out var body) && body.TryGetProperty("stringValue", out var text) ? text.GetString() ?? string.Empty : string.Empty))];
    }

    public void Dispose() => _http.Dispose();

    private async Task<JsonDocument?> GetAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            // The dashboard answers 404 for a resource that has sent nothing yet.
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonDocument>(cancellationToken);
    }

    private static IEnumerable<T> Items<T>(JsonElement root, string resources, string scopes, string items, Func<string, JsonElement, T> map)
    {
        if (!root.TryGetProperty("data", out var data) || !data.TryGetProperty(resources, out var resourceArray))
        {
            yield break;
        }

        foreach (var resource in resourceArray.EnumerateArray())
        {
            foreach (var scope in resource.GetProperty(scopes).EnumerateArray())
            {
                var scopeName = scope.TryGetProperty("scope", out var s) && s.TryGetProperty("name", out var n) ? n.GetString() ?? string.Empty : string.Empty;
                foreach (var item in scope.GetProperty(items).EnumerateArray())
                {
                    yield return map(scopeName, item);
                }
            }
        }
    }

    private static Dictionary<string, string> Attributes(JsonElement span) =>
        span.TryGetProperty("attributes", out var attributes)
            ? attributes.EnumerateArray().ToDictionary(
                a => a.GetProperty("key").GetString()!,
                a => a.GetProperty("value").EnumerateObject().FirstOrDefault().Value.ToString(),
                StringComparer.Ordinal)
            : [];
}
