namespace RenfieldSip.Tests.Sip;

/// <summary>A recording as the tests judge it: its audio length from the WAV header and how loud it is.</summary>
internal sealed record WavFile(int SampleRate, int Channels, int BitsPerSample, byte[] Data)
{
    public TimeSpan Length => TimeSpan.FromSeconds(Data.Length / (double)(SampleRate * Channels * BitsPerSample / 8));

    /// <summary>Root mean square of the 16-bit samples (0 for digital silence; speech on a phone line is in the thousands).</summary>
    public double Rms
    {
        get
        {
            double sum = 0;
            var count = Data.Length / 2;
            for (var i = 0; i < count; i++)
            {
                double sample = BitConverter.ToInt16(Data, i * 2);
                sum += sample * sample;
            }

            return count == 0 ? 0 : Math.Sqrt(sum / count);
        }
    }

    /// <summary>Reads a RIFF/WAVE file chunk by chunk (fmt, then data), as Asterisk's format_wav writes it.</summary>
    public static WavFile Read(string path) => Parse(File.ReadAllBytes(path), path);

    /// <summary>The same for bytes fetched elsewhere (the monitor's API); <paramref name="what"/> names them in errors.</summary>
    public static WavFile Parse(byte[] bytes, string what)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var path = what;
        if (bytes.Length < 12 || !bytes.AsSpan(0, 4).SequenceEqual("RIFF"u8) || !bytes.AsSpan(8, 4).SequenceEqual("WAVE"u8))
        {
            throw new InvalidDataException($"{path} is not a RIFF/WAVE file.");
        }

        int sampleRate = 0, channels = 0, bits = 0;
        var offset = 12;
        while (offset + 8 <= bytes.Length)
        {
            var id = bytes.AsSpan(offset, 4);
            var size = BitConverter.ToInt32(bytes, offset + 4);
            var body = offset + 8;
            if (id.SequenceEqual("fmt "u8))
            {
                channels = BitConverter.ToInt16(bytes, body + 2);
                sampleRate = BitConverter.ToInt32(bytes, body + 4);
                bits = BitConverter.ToInt16(bytes, body + 14);
            }
            else if (id.SequenceEqual("data"u8))
            {
                var length = Math.Min(size, bytes.Length - body);
                return new WavFile(sampleRate, channels, bits, bytes.AsSpan(body, length).ToArray());
            }

            offset = body + size + (size & 1);
        }

        throw new InvalidDataException($"{path} has no data chunk.");
    }
}
