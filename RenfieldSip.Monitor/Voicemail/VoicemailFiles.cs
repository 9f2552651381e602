using Microsoft.Extensions.Options;

namespace RenfieldSip.Monitor.Voicemail;

/// <summary>Where a message's recording lies in Voicemail:Directory, and its removal together with its sidecar.</summary>
internal sealed class VoicemailFiles(IOptions<VoicemailOptions> options, VoicemailSidecars sidecars, ILogger<VoicemailFiles> logger)
{
    private readonly VoicemailOptions _options = options.Value;

    /// <summary>The file's path inside Voicemail:Directory (the name was checked to be a plain one).</summary>
    public string PathOf(string file) => Path.Combine(_options.Directory!, file);

    /// <summary>Deletes each message's recording and its sidecar.</summary>
    public void Delete(IReadOnlyList<VoicemailMessage> messages, string reason)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            try
            {
                File.Delete(PathOf(message.File));
                Log.Removed(logger, message.File, reason);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                Log.DeleteFailed(logger, message.File, exception.GetType().Name);
            }

            // After the recording: a sidecar left behind is removed at the next start, a recording left behind
            // would come back as an unheard message.
            sidecars.Delete(message.File);
        }
    }
}
