// The part of Renfield's webhook the monitor relies on: the status codes and bodies it must tell apart. Each case
// names the line of ebongard/renfield src/backend/api/routes/notifications.py (commit 0572346) it models; anything
// else Renfield can answer (FastAPI's 422 validation details, a 500 from the database) is scripted by the test that
// needs it (Enqueue), not modelled here.
//   L79-80  POST /webhook under slowapi's @limiter.limit -> 429 with Retry-After (RateLimitPerMinute; off by default)
//   L92-93  PROACTIVE_ENABLED=false -> 503 {"detail":"Proactive notifications are disabled"}, before the token
//   L96-97  no "Bearer " Authorization -> 401 {"detail":"Missing or invalid Authorization header"}
//   L102-103 wrong token, or none ever generated -> 403 {"detail":"Invalid webhook token"}
//   L118    200 WebhookResponse {"notification_id":n,"status":"delivered","delivered_to":[]}, after TTS ran inside the request (ResponseDelay)
//   L119-121 ValueError from process_webhook -> 429 {"detail":"Duplicate notification suppressed"}: same
//           event_type:title:message:room within PROACTIVE_SUPPRESSION_WINDOW (60 s), no Retry-After
//   L83     the body is a WebhookRequest: a body that is not JSON with event_type, title and message -> 422
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace RenfieldSip.Tests.Support;

/// <summary>
/// A real HTTP server (<see cref="WebhookListener"/>) on 127.0.0.1 that answers like Renfield's notification webhook (the cases above),
/// records every request, and can be scripted. Usage:
/// <c>await using var renfield = await FakeRenfield.StartAsync(new FakeRenfieldOptions { Token = "t" });</c>
/// then point Webhook:Url at <see cref="WebhookUrl"/>.
/// </summary>
public sealed class FakeRenfield : IAsyncDisposable
{
    public const string WebhookPath = WebhookListener.WebhookPath;
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
    private WebhookListener? _listener;
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
    public Uri BaseAddress => _listener!.BaseAddress;

    /// <summary>The URL to configure as Webhook:Url.</summary>
    public Uri WebhookUrl => _listener!.WebhookUrl;

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
        try
        {
            fake._listener = await WebhookListener.StartAsync(fake._listenAddress, 0, fake._time, fake.HandleAsync);
        }
        catch
        {
            await fake.DisposeAsync();
            throw;
        }

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
        if (_listener is not null)
        {
            await _listener.DisposeAsync();
        }

        _stopping.Dispose();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task HandleAsync(HttpContext context, WebhookArrival arrival)
    {
        var arrivedAt = arrival.At;
        var arrivedAfter = _sinceStart.Elapsed;
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, aborted.Token);
        var body = buffer.ToArray();

        JsonElement? json = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            json = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            // Not JSON: recorded as it came, answered 422.
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
            answer = Decide(request, arrivedAt);
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

    // Called under _gate, in the order of Renfield's checks (the lines named at the top of the file).
    private FakeRenfieldResponse Decide(FakeRenfieldRequest request, DateTimeOffset now)
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

        if (!string.Equals(request.Path, WebhookPath, StringComparison.Ordinal) || !string.Equals(request.Method, "POST", StringComparison.Ordinal))
        {
            return FakeRenfieldResponse.Detail(HttpStatusCode.NotFound, "Not Found");
        }

        if (request.Json is not { ValueKind: JsonValueKind.Object } root
            || !new[] { "event_type", "title", "message" }.All(field => root.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String))
        {
            return FakeRenfieldResponse.Detail(HttpStatusCode.UnprocessableEntity, "body is not a WebhookRequest");
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
