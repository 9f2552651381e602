using System.Net;

namespace RenfieldSip.Tests.Support;

/// <summary>A scripted answer: the next request gets it instead of the modelled behaviour.</summary>
/// <param name="StatusCode">Status to send.</param>
/// <param name="Body">Body text (sent as <c>application/json</c> unless <paramref name="ContentType"/> says otherwise); null sends none.</param>
public sealed record FakeRenfieldResponse(HttpStatusCode StatusCode, string? Body = null)
{
    /// <summary>Extra response headers, e.g. <c>Retry-After</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Wait this long on the fake's TimeProvider (cancelled when the client goes away) before answering.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.Zero;

    public string ContentType { get; init; } = "application/json";

    /// <summary>FastAPI's shape for an <c>HTTPException</c>: <c>{"detail":"..."}</c>.</summary>
    public static FakeRenfieldResponse Detail(HttpStatusCode statusCode, string detail) =>
        new(statusCode, FakeRenfieldJson.Detail(detail));

    /// <summary>A 429 like slowapi's handler in Renfield sends it (<c>Retry-After</c> in seconds).</summary>
    public static FakeRenfieldResponse RateLimited(int retryAfterSeconds) =>
        new(HttpStatusCode.TooManyRequests, FakeRenfieldJson.RateLimited(retryAfterSeconds, "100 per 1 minute"))
        {
            Headers = new Dictionary<string, string>
            {
                ["Retry-After"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["X-RateLimit-Limit"] = "100 per 1 minute",
            },
        };
}
