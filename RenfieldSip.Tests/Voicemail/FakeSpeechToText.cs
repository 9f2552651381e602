using Microsoft.AspNetCore.Http;
using System.Net;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Voicemail;

/// <summary>
/// Renfield's <c>POST /api/voice/stt</c> as far as the monitor relies on it (ebongard/renfield
/// src/backend/api/routes/voice.py at 0572346, <c>speech_to_text</c>, lines 33-110), on the tests' one Kestrel harness:
/// <list type="bullet">
/// <item>lines 36-38: multipart field <c>audio</c> (<c>File(...)</c>, so FastAPI answers 422 without it) and query <c>language</c>;</item>
/// <item>lines 98-105: 200 with <c>{"text", "language", "speaker_id", ...}</c>;</item>
/// <item>lines 92-94 with 106-110: an empty transcription raises 400 inside the <c>try</c>, whose <c>except Exception</c>
/// turns it into 500 <c>{"detail": "400: Transkription fehlgeschlagen"}</c>;</item>
/// <item>line 34: the rate limiter's 429.</item>
/// </list>
/// </summary>
internal sealed class FakeSpeechToText : IAsyncDisposable
{
    private readonly TaskCompletionSource _requestArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebhookListener? _listener;

    /// <summary>What the next request gets: a status and a JSON body; null holds the request until the client gives up.</summary>
    public (HttpStatusCode Status, string Body)? Answer { get; set; } = (HttpStatusCode.OK, """{"text": "Hallo, hier ist Max. Bitte ruf zurück.", "language": "de", "speaker_id": null, "speaker_name": null, "speaker_alias": null, "speaker_confidence": 0.0}""");

    public Uri BaseAddress => _listener!.BaseAddress;

    public string? Language { get; private set; }

    public string? AudioFileName { get; private set; }

    public long AudioLength { get; private set; }

    public bool AudioFieldPresent { get; private set; }

    public Task RequestArrived => _requestArrived.Task;

    public static async Task<FakeSpeechToText> StartAsync()
    {
        var fake = new FakeSpeechToText();
        fake._listener = await WebhookListener.StartAsync(IPAddress.Loopback, 0, TimeProvider.System, (context, _) => fake.HandleAsync(context));
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        if (_listener is not null)
        {
            await _listener.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Path != "/api/voice/stt" || context.Request.Method != "POST")
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        Language = context.Request.Query["language"];
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var audio = form.Files["audio"];
        AudioFieldPresent = audio is not null;
        AudioFileName = audio?.FileName;
        AudioLength = audio?.Length ?? 0;
        _requestArrived.TrySetResult();
        if (audio is null)
        {
            // FastAPI's validation of File(...): 422 with the missing field.
            await Write(context, HttpStatusCode.UnprocessableEntity, """{"detail": [{"type": "missing", "loc": ["body", "audio"], "msg": "Field required"}]}""");
            return;
        }

        if (Answer is not { } answer)
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return;
        }

        await Write(context, answer.Status, answer.Body);
    }

    private static async Task Write(HttpContext context, HttpStatusCode status, string body)
    {
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body, context.RequestAborted);
    }
}
