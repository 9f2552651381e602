using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.Text;


namespace RenfieldSip.Monitor.Notification;

/// <summary>
/// Posts to Renfield's webhook with its own retry policy (the standard resilience handler is removed for this client):
/// every status code is classified, retries stop at the announcement deadline, and Renfield's 60 s content dedup makes
/// a retry after a lost answer safe (it answers 429 "Duplicate notification suppressed", which counts as delivered).
/// </summary>
internal sealed class RenfieldWebhookClient(
    HttpClient httpClient,
    IOptions<WebhookOptions> options,
    TimeProvider timeProvider,
    WebhookAlertThrottle alertThrottle,
    ILogger<RenfieldWebhookClient> logger) : IRenfieldWebhook
{
    /// <summary>Less time than this left before the deadline: an attempt could not finish, so none is started.</summary>
    internal static readonly TimeSpan MinimumAttemptBudget = TimeSpan.FromMilliseconds(100);

    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");
    private static readonly ProductInfoHeaderValue UserAgent = new("RenfieldSip", ProductVersion());

    private readonly WebhookOptions _options = options.Value;
    private readonly Uri _url = new(options.Value.Url!.Trim(), UriKind.Absolute);

    /// <summary>Replaceable so tests can pin the jitter; Random.Shared is thread-safe.</summary>
    internal Func<double> Jitter { get; set; } = Random.Shared.NextDouble;

    public async Task<DeliveryOutcome> SendAsync(RenfieldNotification notification, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var body = RenfieldJsonContext.ToUtf8(notification);
        var started = timeProvider.GetTimestamp();
        var lastReason = "no attempt was possible";

        for (var attempt = 1; ; attempt++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                Log.Cancelled(logger, attempt - 1);
                return DeliveryOutcome.Cancelled;
            }

            var remaining = deadline - timeProvider.GetUtcNow();
            if (remaining < MinimumAttemptBudget)
            {
                Log.DeadlineExceeded(logger, attempt - 1, lastReason);
                return DeliveryOutcome.DeadlineExceeded;
            }

            var timeout = remaining < _options.RequestTimeout ? remaining : _options.RequestTimeout;
            var result = await AttemptAsync(body, timeout, attempt, started, cancellationToken);
            if (result.Outcome is { } outcome)
            {
                if (outcome == DeliveryOutcome.Cancelled)
                {
                    Log.Cancelled(logger, attempt);
                }

                return outcome;
            }

            lastReason = result.RetryReason!;

            // A server-given Retry-After is a minimum; our own backoff still applies so "Retry-After: 0" cannot spin.
            var delay = WebhookBackoff.ForAttempt(attempt, Jitter());
            if (result.RetryAfter is { } retryAfter && retryAfter > delay)
            {
                delay = retryAfter;
            }

            if (timeProvider.GetUtcNow() + delay + MinimumAttemptBudget > deadline)
            {
                Log.DeadlineExceeded(logger, attempt, lastReason);
                return DeliveryOutcome.DeadlineExceeded;
            }

            if (result.StatusCode is { } status)
            {
                Log.RetryingAfterStatus(logger, attempt, status, (long)delay.TotalMilliseconds);
            }
            else
            {
                Log.RetryingAfterFailure(logger, attempt, lastReason, result.Error?.Message, (long)delay.TotalMilliseconds);
            }

            try
            {
                await WaitUntilAsync(timeProvider.GetUtcNow() + delay, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Log.Cancelled(logger, attempt);
                return DeliveryOutcome.Cancelled;
            }
        }
    }

    private async Task<WebhookAttempt> AttemptAsync(byte[] body, TimeSpan timeout, int attempt, long started, CancellationToken cancellationToken)
    {
        using var attemptTimeout = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attemptTimeout.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, _url)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = JsonContentType } },
        };
        request.Headers.UserAgent.Add(UserAgent);
        if (_options.HasToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.Token!.Trim());
        }

        try
        {
            using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var answer = await WebhookResponseBody.ReadBoundedAsync(response.Content, linked.Token);
            return Classify(response, answer, attempt, started);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return WebhookAttempt.Final(DeliveryOutcome.Cancelled);
        }
        catch (OperationCanceledException) when (attemptTimeout.IsCancellationRequested)
        {
            return WebhookAttempt.Retry($"no answer within {(long)timeout.TotalMilliseconds} ms");
        }
        catch (HttpRequestException e)
        {
            return WebhookAttempt.Retry(e.HttpRequestError.ToString(), error: e);
        }
        catch (IOException e)
        {
            // The connection broke while the answer's body was being read.
            return WebhookAttempt.Retry("connection lost", error: e);
        }
    }

    private WebhookAttempt Classify(HttpResponseMessage response, byte[] answer, int attempt, long started)
    {
        var status = (int)response.StatusCode;
        switch (response.StatusCode)
        {
            case >= HttpStatusCode.OK and < HttpStatusCode.Ambiguous:
                Log.Delivered(logger, WebhookResponseBody.NotificationId(answer), attempt, (long)timeProvider.GetElapsedTime(started).TotalMilliseconds);
                return WebhookAttempt.Final(DeliveryOutcome.Delivered);

            case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                if (alertThrottle.ShouldLog(WebhookAlert.Unauthorized))
                {
                    // Renfield: 401 = no "Bearer " header at all, 403 = a token it does not know.
                    if (_options.HasToken)
                    {
                        Log.TokenRejected(logger, status);
                    }
                    else
                    {
                        Log.NoTokenConfigured(logger, status);
                    }
                }

                return WebhookAttempt.Final(DeliveryOutcome.Unauthorized);

            case HttpStatusCode.ServiceUnavailable:
                if (alertThrottle.ShouldLog(WebhookAlert.Disabled))
                {
                    Log.ProactiveDisabled(logger);
                }

                return WebhookAttempt.Final(DeliveryOutcome.Disabled);

            case HttpStatusCode.UnprocessableEntity:
                Log.PayloadRejected(logger, WebhookResponseBody.SummarizeValidationErrors(answer));
                return WebhookAttempt.Final(DeliveryOutcome.Rejected);

            case HttpStatusCode.TooManyRequests:
                return ClassifyTooManyRequests(response, answer, status);

            case HttpStatusCode.RequestTimeout or >= HttpStatusCode.InternalServerError:
                return WebhookAttempt.Retry($"HTTP {status}", status);

            default:
                // 3xx (redirects are not followed: a POST turned into GET helps nobody), 400, 404, 405, 413, ...
                Log.Rejected(logger, status);
                return WebhookAttempt.Final(DeliveryOutcome.Rejected);
        }
    }

    private WebhookAttempt ClassifyTooManyRequests(HttpResponseMessage response, byte[] answer, int status)
    {
        // Renfield turns its dedup and suppression ValueErrors into 429 {"detail": "... suppressed ..."}:
        // it has shown this notification already or chose not to; asking again cannot change that.
        if (WebhookResponseBody.Detail(answer) is { } detail && detail.Contains("suppressed", StringComparison.OrdinalIgnoreCase))
        {
            Log.DuplicateSuppressed(logger, UntrustedText.Clean(detail, 100) ?? "-");
            return WebhookAttempt.Final(DeliveryOutcome.DuplicateSuppressedByRenfield);
        }

        var retryAfter = WebhookBackoff.RetryAfter(response.Headers.RetryAfter, timeProvider.GetUtcNow());
        Log.RateLimited(logger, retryAfter is { } wait ? (long)wait.TotalMilliseconds : null);
        return WebhookAttempt.Retry("rate-limited", status, retryAfter);
    }

    private static string ProductVersion()
    {
        var version = typeof(RenfieldWebhookClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus > 0 ? version[..plus] : version;
    }

    // Timers run on a coarse clock (4 ms ticks on Linux) and can fire that much early; a Retry-After is the server's
    // floor, so top the wait up until the instant has really passed.
    private async Task WaitUntilAsync(DateTimeOffset instant, CancellationToken cancellationToken)
    {
        for (var remaining = instant - timeProvider.GetUtcNow(); remaining > TimeSpan.Zero; remaining = instant - timeProvider.GetUtcNow())
        {
            await Task.Delay(remaining, timeProvider, cancellationToken);
        }
    }
}
