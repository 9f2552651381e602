using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.Voicemail;
using RenfieldSip.Tests.Config;

namespace RenfieldSip.Tests.Voicemail;

/// <summary>
/// The Voicemail area's file side as the monitor wires it (sidecars, index, files, restore, health) on a real
/// directory, without AMI, Redis or Renfield: a new shelf on the same directory is a restarted monitor.
/// </summary>
internal sealed class VoicemailShelf
{
    public VoicemailShelf(VoicemailOptions options, TimeProvider time)
    {
        var wrapped = Options.Create(options);
        Sidecars = new VoicemailSidecars(wrapped, Health, new FakeLogger<VoicemailSidecars>(Logs));
        Index = new VoicemailIndex(wrapped, time, Sidecars);
        Files = new VoicemailFiles(wrapped, Sidecars, new FakeLogger<VoicemailFiles>(Logs));
        Restore = new VoicemailRestore(Index, Sidecars, Files, Health, wrapped, new FakeLogger<VoicemailRestore>(Logs));
        HealthCheck = new VoicemailHealthCheck(Health, wrapped);
    }

    public FakeLogCollector Logs { get; } = new();

    public VoicemailHealth Health { get; } = new();

    public VoicemailSidecars Sidecars { get; }

    public VoicemailIndex Index { get; }

    public VoicemailFiles Files { get; }

    public VoicemailRestore Restore { get; }

    public VoicemailHealthCheck HealthCheck { get; }

    /// <summary>An index that keeps nothing on disk (no Voicemail:Directory), for the retention arithmetic alone.</summary>
    public static VoicemailIndex InMemory(VoicemailOptions options, TimeProvider time) => new VoicemailShelf(options, time).Index;

    /// <summary>A real recording (the greeting, 8 kHz 16-bit mono) under <paramref name="file"/>; returns its path.</summary>
    public static string PutRecording(string directory, string file)
    {
        var path = Path.Combine(directory, file);
        File.Copy(RepositoryLayout.PathOf("config", "asterisk", "sounds", "renfieldsip-greeting.wav"), path, overwrite: true);
        return path;
    }
}
