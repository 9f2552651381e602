using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RenfieldSip.Monitor.Notification;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(RenfieldNotification))]
internal sealed partial class RenfieldJsonContext : JsonSerializerContext
{
    // The default encoder escapes '+' and every non-ASCII letter (\u002B49, M\u00FCller): valid, but unreadable in
    // captures and not byte-equal to Renfield's documented example. The body is never embedded in HTML, so relaxed
    // escaping is safe; quotes, backslashes and control characters are still escaped.
    public static RenfieldJsonContext Wire { get; } = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    });

    /// <summary>The UTF-8 request body, <c>room: null</c> written, fields in Renfield's order.</summary>
    public static byte[] ToUtf8(RenfieldNotification notification) =>
        JsonSerializer.SerializeToUtf8Bytes(notification, Wire.RenfieldNotification);
}
