using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Benchmarks.Load;

/// <summary>
/// Renfield's notification webhook reduced to what the monitor sees: the tests' <see cref="WebhookListener"/>
/// answering 200 with Renfield's body, each arrival recorded into the attached <see cref="CallLedger"/>.
/// </summary>
internal sealed class WebhookSink : IAsyncDisposable
{
    private static readonly byte[] Delivered = Encoding.UTF8.GetBytes(FakeRenfieldJson.Delivered(1));

    private readonly string _expectedAuthorization;
    private WebhookListener? _listener;
    private CallLedger? _ledger;
    private int _unauthorized;
    private int _requests;

    private WebhookSink(string token)
    {
        _expectedAuthorization = "Bearer " + token;
    }

    public Uri Url => _listener!.WebhookUrl;

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Requests without the bearer token the monitor was given.</summary>
    public int Unauthorized => Volatile.Read(ref _unauthorized);

    public static async Task<WebhookSink> StartAsync(string token, TimeProvider timeProvider, int port, CancellationToken cancellationToken)
    {
        var sink = new WebhookSink(token);
        sink._listener = await WebhookListener.StartAsync(IPAddress.Loopback, port, timeProvider, sink.HandleAsync, cancellationToken);
        return sink;
    }

    /// <summary>
    /// Sends the sink requests of its own before any ledger is attached: the load tool runs under the JIT too, and
    /// a first call must not be charged for the sink's own first request (Kestrel, the JSON reader).
    /// </summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient();
        for (var i = 0; i < 50; i++)
        {
            using var content = new StringContent("{\"data\":{\"caller_number\":\"+49 170 0\"}}", Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(Url, content, cancellationToken);
        }
    }

    /// <summary>Arrivals are recorded into <paramref name="ledger"/> from now on (one ledger per measured run).</summary>
    public void Attach(CallLedger? ledger) => Volatile.Write(ref _ledger, ledger);

    public async ValueTask DisposeAsync()
    {
        if (_listener is not null)
        {
            await _listener.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context, WebhookArrival arrival)
    {
        Interlocked.Increment(ref _requests);
        if (!HttpMethods.IsPost(context.Request.Method) || context.Request.Path != WebhookListener.WebhookPath)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!string.Equals(context.Request.Headers.Authorization, _expectedAuthorization, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _unauthorized);
        }

        string? number = null;
        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            if (body.RootElement.TryGetProperty("data", out var data)
                && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty("caller_number", out var callerNumber)
                && callerNumber.ValueKind == JsonValueKind.String)
            {
                number = callerNumber.GetString();
            }
        }
        catch (JsonException)
        {
            context.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            Volatile.Read(ref _ledger)?.MarkUnmatched();
            return;
        }

        var ledger = Volatile.Read(ref _ledger);
        if (ledger is not null)
        {
            if (CallerNumbers.TryParseCall(number, out var call))
            {
                ledger.MarkArrived(call - ledger.FirstCall, arrival.Timestamp);
            }
            else
            {
                ledger.MarkUnmatched();
            }
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(Delivered, context.RequestAborted);
    }
}
