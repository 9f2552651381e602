using System.Collections.Concurrent;
using System.ComponentModel;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using RenfieldSip.Monitor.Access;
using RenfieldSip.Monitor.History;
using RenfieldSip.Monitor.Identity;
using RenfieldSip.Monitor.Text;
using StackExchange.Redis;

namespace RenfieldSip.Monitor.Web;

/// <summary>
/// <c>GET /api/calls</c> (JSON, in the OpenAPI document) and <c>DELETE /api/calls?number=</c> (bearer token), and
/// <c>GET /calls</c> (the page) with its <c>POST /calls/erase</c> form (session cookie and antiforgery), on the
/// monitor's HTTP port. Erasing a caller also erases what other areas keep of them (<see cref="ICallerErasure"/>).
/// </summary>
internal static class CallHistoryEndpoints
{
    public const string ApiPath = MonitorExtensions.ApiPrefix + ApiRelativePath;
    public const string PagePath = AccessSchemes.PagePath;
    public const string ErasePath = PagePath + EraseRelativePath;

    private const string ApiRelativePath = "/calls";
    private const string EraseRelativePath = "/erase";

    /// <summary>Maps below the <c>/api</c> group.</summary>
    public static IEndpointRouteBuilder MapCallHistoryApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapDelete(ApiRelativePath, EraseAsync)
            .WithName("EraseCaller")
            .WithTags("Call history")
            .WithSummary("Erase one caller from the history")
            .WithDescription("Removes every stored call from this number (any format: `+49 170 1234567`, `01701234567`). Answers how many were removed.")
            .Produces<EraseResult>(StatusCodes.Status200OK)
            .Produces<CallHistoryError>(StatusCodes.Status400BadRequest)
            .Produces(StatusCodes.Status503ServiceUnavailable);
        endpoints.MapGet(ApiRelativePath, ListAsync)
            .WithName("ListCalls")
            .WithTags("Call history")
            .WithSummary("Recorded calls, newest first")
            .WithDescription(
                "Every call the monitor saw: when, the number called, the caller as announced (a withheld number is never "
                + "stored), where the name came from, how long it rang, how it ended and what the monitor did. Pages go "
                + "back with `before` = the previous page's `next_before`.")
            .Produces<CallPage>(StatusCodes.Status200OK)
            .Produces<CallHistoryError>(StatusCodes.Status400BadRequest);
        return endpoints;
    }

    /// <summary>Maps below the <c>/calls</c> group.</summary>
    public static IEndpointRouteBuilder MapCallsPage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(string.Empty, PageAsync).ExcludeFromDescription();
        endpoints.MapPost(EraseRelativePath, EraseFromPageAsync).ExcludeFromDescription();
        return endpoints;
    }

    internal static async Task<IResult> EraseAsync(
        HttpContext context,
        CallHistoryStore store,
        PhoneNumberNormalizer normalizer,
        [FromQuery, Description("The caller's number, in any format.")] string? number,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (normalizer.Normalize(number) is not { } wanted)
        {
            return Results.Json(
                new CallHistoryError("invalid_parameter", "number", "number: the caller's number, like +49 170 1234567"),
                CallHistoryJsonContext.Default.CallHistoryError,
                statusCode: StatusCodes.Status400BadRequest);
        }

        var erasedCalls = new ConcurrentBag<string>();
        try
        {
            var erased = await store.EraseAsync(
                record =>
                {
                    if (!SameCaller(normalizer, record, wanted))
                    {
                        return false;
                    }

                    erasedCalls.Add(record.CallId);
                    return true;
                },
                cancellationToken);
            return Results.Json(new EraseResult(erased), CallHistoryJsonContext.Default.EraseResult);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            return Results.Text("Redis is unreachable: nothing was erased there; try again.\n", "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        finally
        {
            // Also when Redis failed: the calls already gone from memory would not be found again by the retry.
            foreach (var other in context.RequestServices.GetServices<ICallerErasure>())
            {
                other.Erase([.. erasedCalls.Distinct(StringComparer.Ordinal)], caller => normalizer.Normalize(caller)?.Key == wanted.Key);
            }
        }
    }

    internal static async Task<IResult> EraseFromPageAsync(
        HttpContext context,
        CallHistoryStore store,
        PhoneNumberNormalizer normalizer,
        [FromForm(Name = "number")] string? number,
        CancellationToken cancellationToken)
    {
        var answer = await EraseAsync(context, store, normalizer, number, cancellationToken);
        return answer is IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK or null } ? Results.Redirect(PagePath) : answer;
    }

    // The history keeps numbers formatted for people; both sides go through the phonebook's normalizer.
    private static bool SameCaller(PhoneNumberNormalizer normalizer, CallRecord record, NormalizedNumber wanted) =>
        record.CallerNumber is { } stored && normalizer.Normalize(stored)?.Key == wanted.Key;

    internal static async Task<IResult> ListAsync(
        HttpRequest request,
        CallHistoryStore store,
        [FromQuery, Description("Calls per page, 1-500 (default 50).")] string? limit,
        [FromQuery, Description("Only calls stored before this one: a call's `id`, or the previous page's `next_before`.")] string? before,
        [FromQuery, Description("Only calls that started at or after this ISO 8601 time.")] string? from,
        [FromQuery, Description("Only calls that started before this ISO 8601 time.")] string? to,
        [FromQuery, Description("Only these outcomes (repeat or separate by commas): announced, suppressed_by_dedup, blocked_by_rule, refused_by_renfield, deadline_exceeded, failed, ended_before_identity.")] string[]? outcome,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!CallQueryParser.TryParse(request.Query.Keys, limit, before, from, to, outcome, out var query, out var error))
        {
            return Results.Json(error, CallHistoryJsonContext.Default.CallHistoryError, statusCode: StatusCodes.Status400BadRequest);
        }

        var page = WithVoicemails(await store.ReadAsync(query, cancellationToken), request.HttpContext.RequestServices);
        return Results.Json(page, CallHistoryJsonContext.Default.CallPage);
    }

    internal static async Task PageAsync(
        HttpContext context,
        CallHistoryStore store,
        CallHistory history,
        IAntiforgery antiforgery,
        MonitorLanguage language,
        TimeProvider time,
        [FromQuery] string? before,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        response.Headers.ContentSecurityPolicy = CallsPageRenderer.ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
        RecordId? cursor = null;
        if (before is not null)
        {
            if (!RecordId.TryParse(before, out var id))
            {
                response.StatusCode = StatusCodes.Status400BadRequest;
                response.ContentType = "text/plain; charset=utf-8";
                await response.WriteAsync("before: must be a call's id, like 1795513386000-0", cancellationToken);
                return;
            }

            cursor = id;
        }

        var page = WithVoicemails(await store.ReadAsync(CallQuery.Latest with { Before = cursor }, cancellationToken), context.RequestServices);
        var words = HistoryWording.For(language.Language);
        var tokens = antiforgery.GetAndStoreTokens(context);
        var form = new FormToken(tokens.FormFieldName, tokens.RequestToken!);
        var html = CallsPageRenderer.Render(page, history.Ringing(), words, time.GetUtcNow(), time.LocalTimeZone, newest: cursor is null, form);
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(html, cancellationToken);
    }

    /// <summary>Each call with the message it left, if the Voicemail area keeps one.</summary>
    private static CallPage WithVoicemails(CallPage page, IServiceProvider services) =>
        services.GetService<ICallVoicemails>() is not { } voicemails
            ? page
            : page with { Calls = [.. page.Calls.Select(c => voicemails.Of(c.CallId) is { } v ? c with { Voicemail = v } : c)] };
}
