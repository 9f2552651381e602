using System.Diagnostics;
using RenfieldSip.Monitor.Identity;
using RenfieldSip.Monitor.Lifecycle;
using RenfieldSip.Monitor.Notification;
using RenfieldSip.Monitor.Telemetry;
using RenfieldSip.Monitor.Text;

namespace RenfieldSip.Monitor.Announcements;

/// <summary>
/// "Testanruf": a synthetic call through the real pipeline (phonebook, dedup, webhook), so an owner can check the
/// path to Renfield without phoning. It answers with the outcome, which is what the dashboard command shows.
/// </summary>
internal static class TestCallEndpoint
{
    public const string Path = MonitorExtensions.ApiPrefix + RelativePath;

    private const string RelativePath = "/test-call";

    private const string DefaultName = "Testanruf";

    /// <summary>Maps below the <c>/api</c> group; every press makes Renfield speak, so presses are rate-limited.</summary>
    public static IEndpointRouteBuilder MapTestCall(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(RelativePath, HandleAsync).RequireRateLimiting(Access.AccessSchemes.TestCallLimit);
        return endpoints;
    }

    internal static async Task<IResult> HandleAsync(
        HttpRequest request,
        CallAnnouncer announcer,
        CallLifecycle lifecycle,
        MonitorTelemetry telemetry,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        TestCallRequest? body = null;
        if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            // A form or plain text is what another site's page can send without asking; only JSON is read.
            if (!request.HasJsonContentType())
            {
                return Answer(new TestCallResponse("-", "Content-Type must be application/json"), StatusCodes.Status415UnsupportedMediaType);
            }

            try
            {
                body = await request.ReadFromJsonAsync(MonitorJsonContext.Default.TestCallRequest, cancellationToken);
            }
            catch (System.Text.Json.JsonException)
            {
                return Answer(new TestCallResponse("-", "Body must be JSON like {\"number\":\"+49 170 1234567\",\"name\":\"Max\"}"), StatusCodes.Status400BadRequest);
            }
            catch (BadHttpRequestException exception)
            {
                return Answer(new TestCallResponse("-", "The body could not be read"), exception.StatusCode);
            }
        }

        // Its own call id, so the dedup window never swallows a second press of the button.
        var callId = "test-" + Guid.NewGuid().ToString("N");
        using var activity = telemetry.ActivitySource.StartActivity("test call", ActivityKind.Server, parentContext: default);
        activity?.SetTag("renfieldsip.call.id", callId);
        var call = new IncomingCall(callId, body?.Number, body?.Name, null, CallerPresentation.Allowed, time.GetUtcNow(), activity);
        lifecycle.Publish(new CallDetected(callId, Did: null, call.DetectedAt, activity, TestCall: true));

        // Without a number there is nothing to look up: the announcement names the test itself.
        var caller = body?.Number is null
            ? new CallerIdentity(CallerKind.TestCall, UntrustedText.SanitizeName(body?.Name ?? DefaultName), null, null)
            : null;
        var outcome = await announcer.AnnounceAsync(call, caller, dedupPerCall: true, cancellationToken);
        var response = new TestCallResponse(callId, outcome.ToString());
        return Answer(
            response,
            outcome is DeliveryOutcome.Delivered or DeliveryOutcome.DuplicateSuppressedByRenfield ? StatusCodes.Status200OK : StatusCodes.Status502BadGateway);
    }

    // One JSON shape (snake_case, source-generated) for every answer, whatever the status.
    private static IResult Answer(TestCallResponse response, int statusCode) =>
        Results.Json(response, MonitorJsonContext.Default.TestCallResponse, statusCode: statusCode);
}
