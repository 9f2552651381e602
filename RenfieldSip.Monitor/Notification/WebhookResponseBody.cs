using System.Text;
using System.Text.Json;
using RenfieldSip.Monitor.Text;


namespace RenfieldSip.Monitor.Notification;

/// <summary>Reads Renfield's answers with a size bound and extracts only what is safe to log.</summary>
internal static class WebhookResponseBody
{
    public const int MaxBytes = 16 * 1024;
    public const int MaxSummaryLength = 512;

    /// <summary>At most <see cref="MaxBytes"/>; the rest is never read (a proxy error page or a hostile server cannot flood memory).</summary>
    public static async Task<byte[]> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxBytes];
        var total = 0;
        while (total < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return buffer[..total];
    }

    /// <summary><c>notification_id</c> of a 200 answer, if it is there.</summary>
    public static long? NotificationId(byte[] body) =>
        WithRoot(body, root => root.ValueKind == JsonValueKind.Object
            && root.TryGetProperty("notification_id", out var id)
            && id.TryGetInt64(out var value) ? value : (long?)null);

    /// <summary>FastAPI's <c>{"detail": "..."}</c> when detail is a string.</summary>
    public static string? Detail(byte[] body) =>
        WithRoot(body, root => root.ValueKind == JsonValueKind.Object
            && root.TryGetProperty("detail", out var detail)
            && detail.ValueKind == JsonValueKind.String ? detail.GetString() : null);

    /// <summary>
    /// FastAPI echoes each rejected value as <c>input</c>, which can be a caller's number or name: only
    /// <c>loc</c>, <c>msg</c> and <c>type</c> are kept, cleaned and bounded.
    /// </summary>
    public static string SummarizeValidationErrors(byte[] body)
    {
        var summary = WithRoot(body, root =>
        {
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("detail", out var detail) || detail.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var text = new StringBuilder();
            foreach (var error in detail.EnumerateArray().Take(10))
            {
                if (error.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                if (text.Length > 0)
                {
                    text.Append("; ");
                }

                if (error.TryGetProperty("loc", out var loc) && loc.ValueKind == JsonValueKind.Array)
                {
                    text.AppendJoin('.', loc.EnumerateArray().Select(part => part.ValueKind == JsonValueKind.String ? part.GetString() : part.GetRawText()));
                    text.Append(": ");
                }

                text.Append(StringProperty(error, "msg")).Append(" (").Append(StringProperty(error, "type")).Append(')');
            }

            return text.ToString();
        });

        return UntrustedText.Clean(summary, MaxSummaryLength) ?? "(no validation details in the answer)";
    }

    private static string StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "?" : "?";

    private static T? WithRoot<T>(byte[] body, Func<JsonElement, T?> read)
    {
        if (body.Length == 0)
        {
            return default;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return read(document.RootElement);
        }
        catch (JsonException)
        {
            return default; // Cut at MaxBytes, or not JSON (a proxy's HTML page): nothing to extract.
        }
        catch (InvalidOperationException)
        {
            return default; // A string that does not transcode (lone surrogate escape).
        }
    }
}
