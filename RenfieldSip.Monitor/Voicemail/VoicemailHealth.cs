namespace RenfieldSip.Monitor.Voicemail;

/// <summary>
/// Whether the last message file could be read and the last metadata written; <c>/health</c> says so (announcing
/// calls never depends on either).
/// </summary>
internal sealed class VoicemailHealth
{
    private volatile string? _problem;
    private volatile string? _metadataProblem;

    /// <summary>Null while files are read; otherwise which file failed and why.</summary>
    public string? Problem => _problem;

    /// <summary>Null while the metadata beside the recordings is written; otherwise which message's failed and why.</summary>
    public string? MetadataProblem => _metadataProblem;

    public void FileRead() => _problem = null;

    public void FileUnreadable(string file, string problem) => _problem = $"Message file {file} cannot be read ({problem}).";

    public void MetadataWritten() => _metadataProblem = null;

    public void MetadataUnwritable(string file, string problem) =>
        _metadataProblem = $"The metadata of message {file} cannot be written ({problem}): messages will not survive a restart as they are.";
}
