using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Writes <c>/health</c> as <c>{"status":"Degraded","checks":{"trunk":{"status":"Degraded","description":"…"}}}</c>:
/// each check's status and its reason in the check's own words. Exceptions and check data are left out, since an
/// exception message can hold a connection string or a secret.
/// </summary>
public static class HealthResponseWriter
{
    public const string ContentType = "application/json; charset=utf-8";

    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Response.ContentType = ContentType;
        // Read by people with curl: "device's" stays readable. Control characters are still escaped.
        await using var json = new Utf8JsonWriter(context.Response.Body, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject(name);
            json.WriteString("status", entry.Status.ToString());
            json.WriteString("description", entry.Description ?? DefaultDescription(entry.Status));
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }

    // A check that throws has no description of its own; its exception is not shown (see the class summary).
    private static string DefaultDescription(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "OK.",
        HealthStatus.Degraded => "Degraded; the monitor's log says why.",
        _ => "The check failed; the monitor's log says why.",
    };
}
