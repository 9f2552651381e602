namespace RenfieldSip.Monitor.Phonebooks;

/// <summary>What the polling fallback compares to notice an edit without reading the file (or the folder's files).</summary>
internal readonly record struct FileFingerprint(bool Exists, long Length, DateTime LastWriteUtc, int Files = 1)
{
    public static FileFingerprint Of(string path)
    {
        var info = new FileInfo(path);
        if (info.Exists)
        {
            return new FileFingerprint(true, info.Length, info.LastWriteTimeUtc);
        }

        var folder = new DirectoryInfo(path);
        if (!folder.Exists)
        {
            return default;
        }

        // A folder of exports: any file added, removed, renamed or rewritten changes one of these.
        long length = 0;
        var lastWrite = folder.LastWriteTimeUtc;
        var files = 0;
        foreach (var file in VCardFolder.Files(folder))
        {
            length = unchecked((length * 31) + file.Length + file.Name.GetHashCode(StringComparison.Ordinal));
            lastWrite = file.LastWriteTimeUtc > lastWrite ? file.LastWriteTimeUtc : lastWrite;
            files++;
        }

        return new FileFingerprint(true, length, lastWrite, files);
    }
}
