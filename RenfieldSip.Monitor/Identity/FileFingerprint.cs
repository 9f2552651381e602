namespace RenfieldSip.Monitor.Identity;

/// <summary>What the polling fallback compares to notice an edit without reading the file.</summary>
internal readonly record struct FileFingerprint(bool Exists, long Length, DateTime LastWriteUtc)
{
    public static FileFingerprint Of(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? new FileFingerprint(true, info.Length, info.LastWriteTimeUtc) : default;
    }
}
