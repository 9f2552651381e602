namespace RenfieldSip.Monitor.Voicemail;

/// <summary>Whether the last message file could be read; <c>/health</c> says so (announcing calls never depends on it).</summary>
internal sealed class VoicemailHealth
{
    private volatile string? _problem;

    /// <summary>Null while files are read; otherwise which file failed and why.</summary>
    public string? Problem => _problem;

    public void FileRead() => _problem = null;

    public void FileUnreadable(string file, string problem) => _problem = $"Message file {file} cannot be read ({problem}).";
}
