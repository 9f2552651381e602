using System.Text.Json;
using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.History;

namespace RenfieldSip.Monitor.Voicemail;

/// <summary>
/// Rebuilds the kept messages from Voicemail:Directory when the monitor starts: a recording with its sidecar comes
/// back as it was; a recording without one (left while the monitor was not running, so its event was missed) is
/// listed as unheard and not announced (a restart must not replay old messages aloud); a sidecar without its
/// recording and a temporary file an interrupted write left are removed; retention applies at once.
/// </summary>
internal sealed class VoicemailRestore(
    VoicemailIndex index,
    VoicemailSidecars sidecars,
    VoicemailFiles files,
    VoicemailHealth health,
    IOptions<VoicemailOptions> options,
    ILogger<VoicemailRestore> logger)
{
    public void Run()
    {
        var directory = options.Value.Directory!;
        string[] names;
        try
        {
            names = [.. Directory.EnumerateFiles(directory).Select(Path.GetFileName).OfType<string>()];
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            health.FileUnreadable(directory, exception.GetType().Name);
            Log.DirectoryUnreadable(logger, directory, exception.GetType().Name);
            return;
        }

        var present = names.ToHashSet(StringComparer.Ordinal);
        var restored = 0;
        var found = 0;
        var messages = new List<VoicemailMessage>();
        var rewrite = new List<VoicemailMessage>();
        foreach (var file in names.Where(VoicemailFileName.IsSafe))
        {
            var sidecar = VoicemailSidecars.NameOf(file);
            if (present.Contains(sidecar) && Read(directory, file, sidecar) is { } kept)
            {
                restored++;
                messages.Add(kept);

                // Cut off before its announcement was decided: it will not be announced now either.
                if (kept.Announcement is null)
                {
                    messages[^1] = kept with { Announcement = VoicemailAnnouncement.FoundAtStart };
                    rewrite.Add(messages[^1]);
                }
            }
            else
            {
                found++;
                messages.Add(Found(directory, file));
                rewrite.Add(messages[^1]);
            }
        }

        foreach (var name in names)
        {
            if (name.EndsWith(VoicemailSidecars.TemporaryExtension, StringComparison.Ordinal))
            {
                Remove(directory, name, "left by an interrupted write");
            }
            else if (name.EndsWith(VoicemailSidecars.Extension, StringComparison.Ordinal) && !present.Contains(Path.ChangeExtension(name, ".wav")))
            {
                Remove(directory, name, "metadata without its recording");
            }
        }

        var removed = index.Restore(messages);
        files.Delete(removed, "retention");
        foreach (var message in rewrite.Where(m => !removed.Contains(m)))
        {
            sidecars.Save(message);
        }

        Log.Restored(logger, restored, found, removed.Count, directory);
    }

    private VoicemailMessage? Read(string directory, string file, string sidecar)
    {
        string problem;
        try
        {
            var path = Path.Combine(directory, sidecar);
            if (new FileInfo(path).Length > VoicemailSidecars.MaxBytes)
            {
                problem = "larger than a sidecar can be";
            }
            else if (JsonSerializer.Deserialize(File.ReadAllBytes(path), VoicemailJsonContext.Default.VoicemailSidecar)?.ToMessage(file) is { } message)
            {
                return message;
            }
            else
            {
                problem = "does not describe " + file;
            }
        }
        catch (JsonException)
        {
            problem = "not valid JSON";
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            problem = exception.GetType().Name;
        }

        Log.SidecarUnreadable(logger, sidecar, problem);
        return null;
    }

    /// <summary>A recording without (readable) metadata: its length from the WAV header, its time from the file.</summary>
    private VoicemailMessage Found(string directory, string file)
    {
        var path = Path.Combine(directory, file);
        var callId = CallIdOf(file);
        if (!WavLength.TryRead(path, out var length, out var problem))
        {
            health.FileUnreadable(file, problem!);
            Log.FileUnreadable(logger, callId, file, problem!);
        }

        return new VoicemailMessage(callId, file, length, new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero), Announcement: VoicemailAnnouncement.FoundAtStart);
    }

    /// <summary>The dialplan names a file after the Uniqueid with '.' → '-'; the Uniqueid's only '.' is its last one.</summary>
    internal static string CallIdOf(string file)
    {
        var stem = Path.GetFileNameWithoutExtension(file);
        var dash = stem.LastIndexOf('-');
        return dash < 0 ? stem : string.Concat(stem.AsSpan(0, dash), ".", stem.AsSpan(dash + 1));
    }

    private void Remove(string directory, string name, string reason)
    {
        try
        {
            File.Delete(Path.Combine(directory, name));
            Log.Removed(logger, name, reason);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Log.DeleteFailed(logger, name, exception.GetType().Name);
        }
    }
}
