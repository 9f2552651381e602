using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RenfieldSip.Monitor.Voicemail;

namespace RenfieldSip.Tests.Voicemail;

/// <summary>What the monitor accepts from the dialplan's event and the file, and how long it keeps messages.</summary>
public sealed class VoicemailStorageTests
{
    [Theory]
    [InlineData("1796597954-4.wav", true)]
    [InlineData("renfield_test.1.wav", true)]
    [InlineData("../1796597954-4.wav", false)]
    [InlineData("/etc/shadow.wav", false)]
    [InlineData("sub/1796597954-4.wav", false)]
    [InlineData("sub\\1796597954-4.wav", false)]
    [InlineData(".wav", false)]
    [InlineData(".hidden.wav", false)]
    [InlineData("a..wav", false)]
    [InlineData("1796597954-4.gsm", false)]
    [InlineData("1796597954-4.wav\n", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_a_plain_wav_name_is_taken_from_the_event(string? name, bool safe) =>
        Assert.Equal(safe, VoicemailFileName.IsSafe(name));

    [Fact]
    public void The_oldest_messages_go_first_past_MaxMessages_and_MaxAge()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var index = VoicemailShelf.InMemory(new VoicemailOptions { MaxMessages = 2, MaxAge = TimeSpan.FromDays(1) }, time);

        Assert.Empty(index.Add(Message("1", time)));
        time.Advance(TimeSpan.FromHours(1));
        Assert.Empty(index.Add(Message("2", time)));
        time.Advance(TimeSpan.FromHours(1));
        var overCount = index.Add(Message("3", time));
        time.Advance(TimeSpan.FromHours(23.5));
        var overAge = index.Prune();

        Assert.Equal(["1"], overCount.Select(m => m.CallId));
        Assert.Equal(["2"], overAge.Select(m => m.CallId));
        Assert.NotNull(index.Of("3"));
        Assert.Equal("/api/calls/3/voicemail", index.Of("3")!.AudioUrl);
    }

    [Fact]
    public void A_closed_wav_is_measured_by_its_header_an_unclosed_one_by_its_bytes()
    {
        var header = Header(dataSize: 16000);
        Assert.True(WavLength.TryParse(header, header.Length + 16000, out var closed, out _));
        Assert.Equal(TimeSpan.FromSeconds(1), closed);

        // Asterisk writes the sizes on close: a file read before that says 0 in its header.
        Assert.True(WavLength.TryParse(Header(dataSize: 0), 44 + 8000, out var open, out _));
        Assert.Equal(TimeSpan.FromSeconds(0.5), open);

        Assert.False(WavLength.TryParse("RIFX0000WAVE"u8, 12, out _, out var problem));
        Assert.Equal("not a RIFF/WAVE file", problem);
    }

    [Fact]
    public void A_bad_setting_names_its_key()
    {
        var result = new VoicemailOptionsValidator().Validate(null, new VoicemailOptions { Directory = "voicemail", MaxMessages = 0, MaxAge = TimeSpan.Zero });

        Assert.True(result.Failed);
        Assert.Contains("Voicemail:Directory must be an absolute path", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Voicemail:MaxMessages must be between 1 and 100000", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Voicemail:MaxAge must be positive", result.FailureMessage, StringComparison.Ordinal);
        Assert.True(new VoicemailOptionsValidator().Validate(null, new VoicemailOptions()).Succeeded);
    }

    private static VoicemailMessage Message(string callId, TimeProvider time) => new(callId, callId + ".wav", TimeSpan.FromSeconds(5), time.GetUtcNow());

    /// <summary>8 kHz 16-bit mono: 16000 bytes a second.</summary>
    private static byte[] Header(int dataSize)
    {
        var header = new byte[44];
        "RIFF"u8.CopyTo(header);
        "WAVE"u8.CopyTo(header.AsSpan(8));
        "fmt "u8.CopyTo(header.AsSpan(12));
        BitConverter.TryWriteBytes(header.AsSpan(16), 16);
        BitConverter.TryWriteBytes(header.AsSpan(20), (short)1);
        BitConverter.TryWriteBytes(header.AsSpan(22), (short)1);
        BitConverter.TryWriteBytes(header.AsSpan(24), 8000);
        BitConverter.TryWriteBytes(header.AsSpan(28), 16000);
        BitConverter.TryWriteBytes(header.AsSpan(32), (short)2);
        BitConverter.TryWriteBytes(header.AsSpan(34), (short)16);
        "data"u8.CopyTo(header.AsSpan(36));
        BitConverter.TryWriteBytes(header.AsSpan(40), dataSize);
        return header;
    }
}
