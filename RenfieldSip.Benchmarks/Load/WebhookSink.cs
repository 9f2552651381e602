using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RenfieldSip.Benchmarks.Load;

/// <summary>
/// Renfield's notification webhook reduced to what the monitor sees: Kestrel on 127.0.0.1 answering 200 with
/// Renfield's body. The arrival is stamped before the body is read, i.e. when the request has reached us.
/// </summary>
internal sealed class WebhookSink : IAsyncDisposable
{
    public const string Path = "/api/notifications/webhook";

    private static readonly byte[] Delivered = """{"notification_id":1,"status":"delivered","delivered_to":1}"""u8.ToArray();

    private readonly WebApplication _app;
    private readonly TimeProvider _timeProvider;
    private readonly string _expectedAuthorization;
    private CallLedger? _ledger;
    private int _unauthorized;
    private int _requests;

    private WebhookSink(WebApplication app, TimeProvider timeProvider, string token)
    {
        _app = app;
        _timeProvider = timeProvider;
        _expectedAuthorization = "Bearer " + token;
    }

    public Uri Url { get; private set; } = new("http://127.0.0.1/");

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Requests without the bearer token the monitor was given.</summary>
    public int Unauthorized => Volatile.Read(ref _unauthorized);

    public static async Task<WebhookSink> StartAsync(string token, TimeProvider timeProvider, int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var sink = new WebhookSink(app, timeProvider, token);
        app.Run(sink.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        sink.Url = new Uri(new Uri(address), Path);
        return sink;
    }

    /// <summary>Arrivals are recorded into <paramref name="ledger"/> from now on (one ledger per measured run).</summary>
    public void Attach(CallLedger? ledger) => Volatile.Write(ref _ledger, ledger);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var arrived = _timeProvider.GetTimestamp();
        Interlocked.Increment(ref _requests);
        if (!HttpMethods.IsPost(context.Request.Method) || context.Request.Path != Path)
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
                ledger.MarkArrived(call - ledger.FirstCall, arrived);
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
