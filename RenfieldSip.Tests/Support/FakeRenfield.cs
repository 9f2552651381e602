// Renfield's webhook contract, read from ebongard/renfield (src/backend/api/routes/notifications.py,
// notifications_schemas.py, services/notification_service.py, services/api_rate_limiter.py, utils/config.py):
//
// POST /api/notifications/webhook, JSON body = Pydantic WebhookRequest:
//   event_type str 1..100 (required) | title str 1..255 (required) | message str 1..5000 (required)
//   urgency str <=20 in {critical, info, low, auto}, default "info" | room str <=100 or null (null allowed, default)
//   tts bool or null (null = PROACTIVE_TTS_DEFAULT, true) | data dict or null (no size limit)
//   enrich bool=false | privacy in {public, personal, confidential}="public" | target_user_id int or null
//   Unknown fields are ignored. Lengths are Python len() = code points.
// Order of checks and answers (FastAPI error bodies are {"detail": ...}, Content-Type application/json):
//   0. slowapi limiter (middleware, 100/minute per client IP by default) -> 429
//      {"error":"rate_limit_exceeded","message":"Rate limit exceeded. Please try again in 60 seconds.",
//       "retry_after":60,"detail":"100 per 1 minute"} with headers Retry-After: 60, X-RateLimit-Limit.
//   1. body parsing/validation (before the handler runs): undecodable bytes -> 400 "There was an error parsing the
//      body"; bad JSON -> 422 json_invalid; model errors -> 422 {"detail":[{"type","loc":["body",field],"msg",
//      "input",("ctx")}]} - "input" ECHOES the submitted value (may hold a caller number: never log it).
//   2. PROACTIVE_ENABLED=false (the default!) -> 503 {"detail":"Proactive notifications are disabled"}.
//      Checked BEFORE the token, so 503 says nothing about the token.
//   3. Authorization missing or not starting with "Bearer " (case-sensitive) -> 401
//      {"detail":"Missing or invalid Authorization header"}; no WWW-Authenticate header.
//   4. token (after "Bearer ", stripped) != stored token, or no token ever generated -> 403 {"detail":"Invalid webhook
//      token"}. A token comes from POST /api/notifications/token (admin; generating rotates = invalidates the old one).
//   5. process_webhook raises ValueError -> 429 {"detail": str(e)}, no Retry-After:
//      "Duplicate notification suppressed": sha256(f"{event_type}:{title}:{message}:{room or ''}")[:40] equal to a
//      notification created within PROACTIVE_SUPPRESSION_WINDOW (default 60 s) - note: tts/urgency/data are NOT in the key.
//      "Notification suppressed by feedback rule", "Semantic duplicate notification suppressed" (opt-in features).
//      The row is committed BEFORE delivery/TTS, so a retry of a request that timed out client-side gets this 429.
//   6. any other exception -> 500 {"detail":"Internal error processing notification"} (e.g. NUL in a string: Postgres).
//   7. 200 {"notification_id":int,"status":"delivered","delivered_to":[device ids]} - only AFTER WebSocket delivery
//      and TTS synthesis/playback ran inside the request, so seconds-long responses are normal.
// 404 {"detail":"Not Found"} for another path, 405 {"detail":"Method Not Allowed"} for another method.
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RenfieldSip.Tests.Support;

/// <summary>
/// A real HTTP server on 127.0.0.1 that answers like Renfield's notification webhook (see the contract above),
/// records every request, and can be scripted. Usage:
/// <c>await using var renfield = await FakeRenfield.StartAsync(new FakeRenfieldOptions { Token = "t" });</c>
/// then point Webhook:Url at <see cref="WebhookUrl"/>.
/// </summary>
public sealed class FakeRenfield : IAsyncDisposable
{
    public const string WebhookPath = "/api/notifications/webhook";
    public const string DuplicateDetail = "Duplicate notification suppressed";
    public const string DisabledDetail = "Proactive notifications are disabled";
    public const string MissingAuthorizationDetail = "Missing or invalid Authorization header";
    public const string InvalidTokenDetail = "Invalid webhook token";
    public const string InternalErrorDetail = "Internal error processing notification";

    private static readonly TimeSpan RateLimitWindow = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly List<FakeRenfieldRequest> _requests = [];
    private readonly Queue<FakeRenfieldResponse> _scripted = new();
    private readonly List<(string Key, DateTimeOffset CreatedAt)> _created = [];
    private readonly List<DateTimeOffset> _rateWindow = [];
    private readonly Stopwatch _sinceStart = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stopping = new();
    private readonly TimeProvider _time;
    private readonly IPAddress _listenAddress;
    private WebApplication? _app;
    private TaskCompletionSource _arrived = NewSignal();
    private string? _token;
    private bool _proactiveEnabled;
    private TimeSpan _suppressionWindow;
    private TimeSpan _responseDelay;
    private int? _rateLimitPerMinute;
    private int _lastNotificationId;

    private FakeRenfield(FakeRenfieldOptions options)
    {
        _time = options.TimeProvider;
        _listenAddress = options.ListenAddress;
        _token = options.Token;
        _proactiveEnabled = options.ProactiveEnabled;
        _suppressionWindow = options.SuppressionWindow;
        _responseDelay = options.ResponseDelay;
        _rateLimitPerMinute = options.RateLimitPerMinute;
    }

    /// <summary>http://{listen address}:{port}/</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The URL to configure as Webhook:Url.</summary>
    public Uri WebhookUrl => new(BaseAddress, WebhookPath);

    public TimeProvider TimeProvider => _time;

    public string? Token
    {
        get { lock (_gate) { return _token; } }
        set { lock (_gate) { _token = value; } }
    }

    public bool ProactiveEnabled
    {
        get { lock (_gate) { return _proactiveEnabled; } }
        set { lock (_gate) { _proactiveEnabled = value; } }
    }

    public TimeSpan SuppressionWindow
    {
        get { lock (_gate) { return _suppressionWindow; } }
        set { lock (_gate) { _suppressionWindow = value; } }
    }

    /// <summary>Artificial TTS time before each 200, on <see cref="TimeProvider"/>.</summary>
    public TimeSpan ResponseDelay
    {
        get { lock (_gate) { return _responseDelay; } }
        set { lock (_gate) { _responseDelay = value; } }
    }

    public int? RateLimitPerMinute
    {
        get { lock (_gate) { return _rateLimitPerMinute; } }
        set { lock (_gate) { _rateLimitPerMinute = value; } }
    }

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<FakeRenfieldRequest> Requests
    {
        get { lock (_gate) { return [.. _requests]; } }
    }

    /// <summary>The requests answered 200: what Renfield would have shown and spoken.</summary>
    public IReadOnlyList<FakeRenfieldRequest> Delivered
    {
        get { lock (_gate) { return [.. _requests.Where(r => r.StatusCode == HttpStatusCode.OK)]; } }
    }

    /// <remarks>No CancellationToken on purpose: starting takes milliseconds and is bounded by its own timeout.</remarks>
    public static async Task<FakeRenfield> StartAsync(FakeRenfieldOptions? options = null)
    {
        var fake = new FakeRenfield(options ?? new FakeRenfieldOptions());
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(FakeRenfield).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(fake._listenAddress, 0));
        var app = builder.Build();
        app.Run(fake.HandleAsync);
        fake._app = app;
        try
        {
            using var startTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await app.StartAsync(startTimeout.Token);
        }
        catch
        {
            await fake.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return fake;
    }

    /// <summary>The next requests get these answers, in order, instead of the modelled behaviour.</summary>
    public void Enqueue(params FakeRenfieldResponse[] responses)
    {
        lock (_gate)
        {
            foreach (var response in responses)
            {
                _scripted.Enqueue(response);
            }
        }
    }

    /// <summary>Forgets what was delivered, so the same content is accepted again within the window.</summary>
    public void ForgetDuplicates()
    {
        lock (_gate)
        {
            _created.Clear();
        }
    }

    /// <summary>Waits (real time) until at least <paramref name="count"/> requests arrived; throws <see cref="TimeoutException"/> otherwise.</summary>
    public Task<IReadOnlyList<FakeRenfieldRequest>> WaitForRequestsAsync(int count, TimeSpan timeout) =>
        WaitForAsync(requests => requests.Count >= count, $"{count} request(s)", timeout);

    /// <summary>Waits (real time) until at least <paramref name="count"/> requests were answered 200; returns those.</summary>
    public async Task<IReadOnlyList<FakeRenfieldRequest>> WaitForDeliveredAsync(int count, TimeSpan timeout)
    {
        var requests = await WaitForAsync(
            requests => requests.Count(r => r.StatusCode == HttpStatusCode.OK) >= count, $"{count} delivered notification(s)", timeout);
        return [.. requests.Where(r => r.StatusCode == HttpStatusCode.OK)];
    }

    /// <summary>Waits (real time) until <paramref name="condition"/> holds for the requests so far; re-checked on every arrival.</summary>
    public async Task<IReadOnlyList<FakeRenfieldRequest>> WaitForAsync(Func<IReadOnlyList<FakeRenfieldRequest>, bool> condition, string what, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Task next;
            IReadOnlyList<FakeRenfieldRequest> snapshot;
            lock (_gate)
            {
                snapshot = [.. _requests];
                next = _arrived.Task;
            }

            if (condition(snapshot))
            {
                return snapshot;
            }

            var left = timeout - clock.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                var statuses = string.Join(", ", snapshot.Select(r => (int)r.StatusCode));
                throw new TimeoutException($"FakeRenfield: expected {what} within {timeout}, got {snapshot.Count} request(s) [{statuses}].");
            }

            try
            {
                await next.WaitAsync(left);
            }
            catch (TimeoutException)
            {
                // Loop once more so the message reports the final state.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_app is not null)
        {
            using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _app.StopAsync(stopTimeout.Token);
            await _app.DisposeAsync();
        }

        _stopping.Dispose();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task HandleAsync(HttpContext context)
    {
        var arrivedAt = _time.GetUtcNow();
        var arrivedAfter = _sinceStart.Elapsed;
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, aborted.Token);
        var body = buffer.ToArray();

        JsonElement? json = null;
        long? jsonErrorPosition = null;
        var utf8 = FakeRenfieldValidator.IsValidUtf8(body);
        if (utf8)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                json = document.RootElement.Clone();
            }
            catch (JsonException e)
            {
                jsonErrorPosition = e.BytePositionInLine ?? 0;
            }
        }

        var request = new FakeRenfieldRequest
        {
            ArrivedAt = arrivedAt,
            ArrivedAfter = arrivedAfter,
            Method = context.Request.Method,
            Path = context.Request.Path.Value ?? string.Empty,
            Headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            Body = body,
            Json = json,
        };

        FakeRenfieldResponse answer;
        lock (_gate)
        {
            answer = Decide(request, utf8, jsonErrorPosition, arrivedAt);
            request.StatusCode = answer.StatusCode;
            _requests.Add(request);
            _arrived.TrySetResult();
            _arrived = NewSignal();
        }

        try
        {
            if (answer.Delay > TimeSpan.Zero)
            {
                await Task.Delay(answer.Delay, _time, aborted.Token);
            }

            context.Response.StatusCode = (int)answer.StatusCode;
            foreach (var (name, value) in answer.Headers)
            {
                context.Response.Headers[name] = value;
            }

            if (answer.Body is not null)
            {
                context.Response.ContentType = answer.ContentType;
                await context.Response.WriteAsync(answer.Body, aborted.Token);
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client gave up (its timeout) or the fake is stopping: nothing left to answer.
        }
    }

    // Called under _gate; mirrors the order of Renfield's checks (see the contract at the top of the file).
    private FakeRenfieldResponse Decide(FakeRenfieldRequest request, bool utf8, long? jsonErrorPosition, DateTimeOffset now)
    {
        if (_scripted.TryDequeue(out var scripted))
        {
            return scripted;
        }

        if (_rateLimitPerMinute is { } limit)
        {
            _rateWindow.RemoveAll(t => t <= now - RateLimitWindow);
            if (_rateWindow.Count >= limit)
            {
                return FakeRenfieldResponse.RateLimited(60);
            }

            _rateWindow.Add(now);
        }

        if (!string.Equals(request.Path, WebhookPath, StringComparison.Ordinal))
        {
            return FakeRenfieldResponse.Detail(HttpStatusCode.NotFound, "Not Found");
        }

        if (!string.Equals(request.Method, "POST", StringComparison.Ordinal))
        {
            return FakeRenfieldResponse.Detail(HttpStatusCode.MethodNotAllowed, "Method Not Allowed") with
            {
                Headers = new Dictionary<string, string> { ["Allow"] = "POST" },
            };
        }

        if (!utf8)
        {
            return FakeRenfieldResponse.Detail(HttpStatusCode.BadRequest, "There was an error parsing the body");
        }

        if (jsonErrorPosition is { } position)
        {
            return new FakeRenfieldResponse(HttpStatusCode.UnprocessableEntity, FakeRenfieldValidator.JsonInvalid(position));
        }

        var root = request.Json!.Value;
        if (FakeRenfieldValidator.Validate(root) is { } validationErrors)
        {
            return new FakeRenfieldResponse(HttpStatusCode.UnprocessableEntity, validationErrors);
        }

        if (!_proactiveEnabled)
        {
            return FakeRenfieldResponse.Detail(HttpStatusCode.ServiceUnavailable, DisabledDetail);
        }

        var authorization = request.Header("Authorization");
        if (string.IsNullOrEmpty(authorization) || !authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return FakeRenfieldResponse.Detail(HttpStatusCode.Unauthorized, MissingAuthorizationDetail);
        }

        var token = authorization["Bearer ".Length..].Trim();
        if (_token is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(_token), Encoding.UTF8.GetBytes(token)))
        {
            return FakeRenfieldResponse.Detail(HttpStatusCode.Forbidden, InvalidTokenDetail);
        }

        if (FakeRenfieldValidator.IsUnstorable(root))
        {
            return FakeRenfieldResponse.Detail(HttpStatusCode.InternalServerError, InternalErrorDetail);
        }

        var key = DedupKey(root);
        if (_created.Exists(c => string.Equals(c.Key, key, StringComparison.Ordinal) && c.CreatedAt >= now - _suppressionWindow))
        {
            return FakeRenfieldResponse.Detail(HttpStatusCode.TooManyRequests, DuplicateDetail);
        }

        _created.Add((key, now));
        return new FakeRenfieldResponse(HttpStatusCode.OK, FakeRenfieldJson.Delivered(++_lastNotificationId)) { Delay = _responseDelay };
    }

    private static string DedupKey(JsonElement root)
    {
        var room = root.TryGetProperty("room", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        var raw = $"{root.GetProperty("event_type").GetString()}:{root.GetProperty("title").GetString()}:{root.GetProperty("message").GetString()}:{room ?? string.Empty}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(raw)))[..40];
    }
}
