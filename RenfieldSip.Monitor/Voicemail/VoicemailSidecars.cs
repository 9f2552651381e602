using System.Text.Json;
using Microsoft.Extensions.Options;

namespace RenfieldSip.Monitor.Voicemail;

/// <summary>
/// Writes and removes each message's <see cref="VoicemailSidecar"/> beside its recording. A write goes to a temporary
/// file that is then renamed over the old one, so a crash leaves the old metadata or the new, never half of either.
/// A write that fails (a read-only mount, a full disk) is logged and shown on <c>/health</c>; the message stays
/// listed until the monitor restarts, and announcing never waits for it.
/// </summary>
internal sealed class VoicemailSidecars(IOptions<VoicemailOptions> options, VoicemailHealth health, ILogger<VoicemailSidecars> logger)
{
    public const string Extension = ".json";
    public const string TemporaryExtension = ".json.tmp";

    /// <summary>A sidecar holds a few fields and a transcript; anything larger is not one of ours.</summary>
    public const int MaxBytes = 256 * 1024;

    private readonly string? _directory = options.Value.IsEnabled ? options.Value.Directory : null;

    /// <summary>The sidecar of a recording: <c>x.wav</c> → <c>x.json</c>.</summary>
    public static string NameOf(string file) => Path.ChangeExtension(file, Extension);

    public void Save(VoicemailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_directory is null)
        {
            return;
        }

        var path = Path.Combine(_directory, NameOf(message.File));
        var temporary = Path.ChangeExtension(path, TemporaryExtension);
        try
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(VoicemailSidecar.Of(message), VoicemailJsonContext.Default.VoicemailSidecar);
            using (var stream = new FileStream(temporary, CreateOptions()))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
            health.MetadataWritten();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            health.MetadataUnwritable(message.File, exception.GetType().Name);
            Log.SidecarUnwritable(logger, message.File, exception.GetType().Name);
        }
    }

    /// <summary>Removes the sidecar of <paramref name="file"/>; false (logged) when it stays.</summary>
    public bool Delete(string file)
    {
        if (_directory is null)
        {
            return true;
        }

        try
        {
            File.Delete(Path.Combine(_directory, NameOf(file)));
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Log.DeleteFailed(logger, NameOf(file), exception.GetType().Name);
            return false;
        }
    }

    /// <summary>Only the monitor reads its sidecars: they carry callers' names and numbers.</summary>
    private static FileStreamOptions CreateOptions()
    {
        var create = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return create;
    }
}
