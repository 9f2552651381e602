using RenfieldSip.Monitor.Voicemail;
using RenfieldSip.Tests.Config;
using RenfieldSip.Tests.Support;

namespace RenfieldSip.Tests.Voicemail;

/// <summary>A message left on a monitor's answering machine the way the dialplan reports one, for tests of what follows.</summary>
internal static class LeftMessage
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The greeting (7.9 s) stands in for a recording in <paramref name="directory"/>; the arrival is what the
    /// dialplan's h extension sends. Returns the file's path once the message's announcement is decided (so its
    /// caller is known).
    /// </summary>
    public static async Task<string> LeaveAsync(MonitorUnderTest monitor, string directory, string callId, CancellationToken cancellationToken)
    {
        var file = callId.Replace('.', '-') + ".wav";
        var path = Path.Combine(directory, file);
        File.Copy(RepositoryLayout.PathOf("config", "asterisk", "sounds", "renfieldsip-greeting.wav"), path, overwrite: true);
        var index = monitor.GetRequiredService<VoicemailIndex>();
        Assert.True(monitor.GetRequiredService<VoicemailQueue>().TryAdd(new VoicemailArrival(callId, file, 7900, "HANGUP")));
        await Poll.UntilAsync(() => index.Find(callId)?.Announcement is not null, "the message's announcement outcome", Guard, cancellationToken);
        return path;
    }
}
