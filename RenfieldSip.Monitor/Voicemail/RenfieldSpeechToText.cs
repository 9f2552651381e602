using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.Notification;
using RenfieldSip.Monitor.Text;

namespace RenfieldSip.Monitor.Voicemail;

/// <summary>
/// Renfield's speech-to-text: <c>POST {origin of Webhook:Url}/api/voice/stt?language=de</c>, multipart field
/// <c>audio</c> (Renfield's src/backend/api/routes/voice.py, <c>speech_to_text</c>). Every answer that route can give
/// ends in text or in null: 200 with text; 200 without it; 500 (any failure there, including an empty transcription,
/// whose 400 its own <c>except Exception</c> turns into 500); 422 (no audio field); 429 (its rate limiter); a timeout; no connection.
/// </summary>
internal sealed class RenfieldSpeechToText(
    HttpClient http,
    IOptions<WebhookOptions> webhook,
    IOptions<VoicemailOptions> options,
    TimeProvider time,
    ILogger<RenfieldSpeechToText> logger) : IVoicemailTranscriber
{
    public const string Path = "/api/voice/stt";

    public async Task<string?> TranscribeAsync(string callId, string path, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(webhook.Value.Url, UriKind.Absolute, out var renfield))
        {
            Log.TranscriptionFailed(logger, callId, "Webhook:Url is not set, so Renfield's address is unknown");
            return null;
        }

        using var limit = new CancellationTokenSource(options.Value.TranscribeTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        try
        {
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var audio = new StreamContent(file);
            audio.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
            using var form = new MultipartFormDataContent { { audio, "audio", "voicemail.wav" } };
            var language = LanguageCode.Of(webhook.Value.Wording);
            using var response = await http.PostAsync(Endpoint(renfield, language), form, linked.Token);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                Log.TranscriptionFailed(logger, callId, $"Renfield answered {(int)response.StatusCode}");
                return null;
            }

            var answer = await response.Content.ReadFromJsonAsync(VoicemailJsonContext.Default.SpeechToTextAnswer, linked.Token);
            if (string.IsNullOrWhiteSpace(answer?.Text))
            {
                Log.TranscriptionFailed(logger, callId, "the answer held no text");
                return null;
            }

            return answer.Text.Trim();
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            Log.TranscriptionFailed(logger, callId, $"no answer within {options.Value.TranscribeTimeout}");
            return null;
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            Log.TranscriptionFailed(logger, callId, exception.GetType().Name);
            return null;
        }
    }

    /// <summary>Renfield's origin is the webhook's: the STT route sits beside <c>/api/notifications/webhook</c>.</summary>
    private static Uri Endpoint(Uri renfield, string language) =>
        new(renfield.GetLeftPart(UriPartial.Authority) + Path + "?language=" + language);
}
