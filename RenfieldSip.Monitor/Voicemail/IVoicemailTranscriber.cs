namespace RenfieldSip.Monitor.Voicemail;

internal interface IVoicemailTranscriber
{
    /// <summary>What was said, or null when nothing usable came back in time. Never throws for an HTTP or network failure.</summary>
    Task<string?> TranscribeAsync(string callId, string path, CancellationToken cancellationToken);
}
