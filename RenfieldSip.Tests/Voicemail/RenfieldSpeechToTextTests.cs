using System.Net;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RenfieldSip.Monitor.Notification;
using RenfieldSip.Monitor.Voicemail;

namespace RenfieldSip.Tests.Voicemail;

/// <summary>The monitor's speech-to-text client against every answer Renfield's route gives (see <see cref="FakeSpeechToText"/>).</summary>
public sealed class RenfieldSpeechToTextTests : IAsyncLifetime
{
    private readonly FakeLogCollector _logs = new();
    private FakeSpeechToText _renfield = null!;
    private string _file = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _renfield = await FakeSpeechToText.StartAsync();
        _file = Path.Combine(Directory.CreateTempSubdirectory("renfieldsip-stt-").FullName, "1796597954-4.wav");
        var header = new byte[44];
        "RIFF"u8.CopyTo(header);
        "WAVE"u8.CopyTo(header.AsSpan(8));
        await File.WriteAllBytesAsync(_file, [.. header, .. new byte[16000]], Cancellation);
    }

    public async ValueTask DisposeAsync()
    {
        await _renfield.DisposeAsync();
        Directory.Delete(Path.GetDirectoryName(_file)!, recursive: true);
    }

    [Fact]
    public async Task The_recording_goes_up_as_the_audio_field_with_the_language_and_the_text_comes_back()
    {
        var text = await Transcriber(english: false).TranscribeAsync("1796597954.4", _file, Cancellation);

        Assert.Equal("Hallo, hier ist Max. Bitte ruf zurück.", text);
        Assert.Equal("de", _renfield.Language);
        Assert.True(_renfield.AudioFieldPresent);
        Assert.Equal("voicemail.wav", _renfield.AudioFileName);
        Assert.Equal(16044, _renfield.AudioLength);
    }

    [Fact]
    public async Task English_deployments_ask_for_English()
    {
        await Transcriber(english: true).TranscribeAsync("1796597954.4", _file, Cancellation);

        Assert.Equal("en", _renfield.Language);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, """{"detail": "400: Transkription fehlgeschlagen"}""", "Renfield answered 500")]
    [InlineData(HttpStatusCode.InternalServerError, """{"detail": "CUDA out of memory"}""", "Renfield answered 500")]
    [InlineData(HttpStatusCode.TooManyRequests, """{"error": "Rate limit exceeded"}""", "Renfield answered 429")]
    [InlineData(HttpStatusCode.OK, """{"text": "", "language": "de"}""", "the answer held no text")]
    [InlineData(HttpStatusCode.OK, """{"language": "de"}""", "the answer held no text")]
    [InlineData(HttpStatusCode.OK, """<html>proxy error</html>""", "JsonException")]
    public async Task Every_other_answer_means_no_text_and_a_named_log_line(HttpStatusCode status, string body, string reason)
    {
        _renfield.Answer = (status, body);

        var text = await Transcriber(english: false).TranscribeAsync("1796597954.4", _file, Cancellation);

        Assert.Null(text);
        var line = Assert.Single(_logs.GetSnapshot(), r => r.Id.Id == 1912);
        Assert.Contains(reason, line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_transcription_that_takes_too_long_gives_up_at_the_deadline()
    {
        _renfield.Answer = null;
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);

        var transcribing = Transcriber(english: false, time).TranscribeAsync("1796597954.4", _file, Cancellation);
        await _renfield.RequestArrived.WaitAsync(TimeSpan.FromSeconds(30), Cancellation);
        Assert.False(transcribing.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(20));
        var text = await transcribing.WaitAsync(TimeSpan.FromSeconds(30), Cancellation);

        Assert.Null(text);
        Assert.Contains("no answer within 00:00:20", Assert.Single(_logs.GetSnapshot(), r => r.Id.Id == 1912).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Renfield_not_running_means_no_text()
    {
        var port = Sip.FreePorts.Tcp();
        var transcriber = Transcriber(english: false, webhookUrl: $"http://127.0.0.1:{port}/api/notifications/webhook");

        var text = await transcriber.TranscribeAsync("1796597954.4", _file, Cancellation);

        Assert.Null(text);
        Assert.Contains("HttpRequestException", Assert.Single(_logs.GetSnapshot(), r => r.Id.Id == 1912).Message, StringComparison.Ordinal);
    }

    private RenfieldSpeechToText Transcriber(bool english, TimeProvider? time = null, string? webhookUrl = null) => new(
        new HttpClient { Timeout = Timeout.InfiniteTimeSpan },
        Options.Create(new WebhookOptions { Url = webhookUrl ?? new Uri(_renfield.BaseAddress, "/api/notifications/webhook").ToString(), Language = english ? "en" : "de" }),
        Options.Create(new VoicemailOptions { Directory = Path.GetDirectoryName(_file), Transcribe = true }),
        time ?? TimeProvider.System,
        new FakeLogger<RenfieldSpeechToText>(_logs));
}
