using System.Text;
using System.Text.Json;

namespace RenfieldSip.Tests.Support;

/// <summary>The bodies Renfield (FastAPI, slowapi) sends, written byte for byte in their shapes.</summary>
public static class FakeRenfieldJson
{
    public static string Detail(string detail) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("detail", detail);
        writer.WriteEndObject();
    });

    public static string Delivered(int notificationId) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteNumber("notification_id", notificationId);
        writer.WriteString("status", "delivered");
        writer.WriteStartArray("delivered_to");
        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    public static string RateLimited(int retryAfterSeconds, string limit) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("error", "rate_limit_exceeded");
        writer.WriteString("message", $"Rate limit exceeded. Please try again in {retryAfterSeconds} seconds.");
        writer.WriteNumber("retry_after", retryAfterSeconds);
        writer.WriteString("detail", limit);
        writer.WriteEndObject();
    });

    internal static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
