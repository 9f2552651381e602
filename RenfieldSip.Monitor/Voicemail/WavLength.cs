namespace RenfieldSip.Monitor.Voicemail;

/// <summary>
/// The audio length of a RIFF/WAVE file from its header (fmt: byte rate; data: size). A header whose data size
/// is still 0 (a file Asterisk has not closed) is measured by the bytes that follow it.
/// </summary>
internal static class WavLength
{
    private const int MaxHeader = 4096;

    public static bool TryRead(string path, out TimeSpan length, out string? problem)
    {
        length = TimeSpan.Zero;
        byte[] header;
        long fileLength;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            fileLength = stream.Length;
            header = new byte[(int)Math.Min(MaxHeader, fileLength)];
            stream.ReadExactly(header);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            problem = exception.GetType().Name;
            return false;
        }

        return TryParse(header, fileLength, out length, out problem);
    }

    internal static bool TryParse(ReadOnlySpan<byte> header, long fileLength, out TimeSpan length, out string? problem)
    {
        length = TimeSpan.Zero;
        if (header.Length < 12 || !header[..4].SequenceEqual("RIFF"u8) || !header.Slice(8, 4).SequenceEqual("WAVE"u8))
        {
            problem = "not a RIFF/WAVE file";
            return false;
        }

        var byteRate = 0;
        var offset = 12;
        while (offset + 8 <= header.Length)
        {
            var id = header.Slice(offset, 4);
            var size = BitConverter.ToInt32(header.Slice(offset + 4, 4));
            var body = offset + 8;
            if (id.SequenceEqual("fmt "u8) && body + 12 <= header.Length)
            {
                byteRate = BitConverter.ToInt32(header.Slice(body + 8, 4));
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (byteRate <= 0)
                {
                    problem = "no fmt chunk before the data";
                    return false;
                }

                var available = fileLength - body;
                var bytes = size > 0 && size <= available ? size : available;
                length = TimeSpan.FromSeconds(bytes / (double)byteRate);
                problem = null;
                return true;
            }

            if (size < 0)
            {
                break;
            }

            offset = body + size + (size & 1);
        }

        problem = "no data chunk";
        return false;
    }
}
